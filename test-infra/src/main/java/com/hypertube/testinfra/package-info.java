/**
 * How integration tests get a real Postgres and RabbitMQ. Where a Docker engine runs, Testcontainers
 * starts them; elsewhere the local servers are used, each test run in a database and a virtual host that
 * it creates and drops, so that two runs never see each other's data.
 */
package com.hypertube.testinfra;
