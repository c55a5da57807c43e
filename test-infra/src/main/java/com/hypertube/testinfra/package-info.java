/**
 * How integration tests get a real Postgres and RabbitMQ ({@link com.hypertube.testinfra.TestServerMode}). Where a
 * Docker engine runs, Testcontainers starts them; elsewhere the local servers are used, each test run in a
 * database and a virtual host that it creates and drops, so that two runs never see each other's data; where
 * neither is there, each test JVM starts an embedded Postgres and AMQP broker of its own.
 */
package com.hypertube.testinfra;
