package com.hypertube.testinfra;

import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Where this test run's Postgres and RabbitMQ are, for tests that start services as processes and so
 * configure them the way an operator does: through environment variables.
 */
public record ServerAddresses(
        String dbHost,
        int dbPort,
        String dbName,
        String dbUser,
        String dbPassword,
        String rabbitHost,
        int rabbitPort,
        String rabbitUser,
        String rabbitPassword,
        String virtualHost) {

    private static ServerAddresses forThisRun;

    /**
     * The servers of this JVM's run ({@link TestServerMode}): containers where Docker runs, the local servers, or
     * embedded ones.
     */
    public static synchronized ServerAddresses forThisRun() {
        if (forThisRun == null) {
            forThisRun = switch (TestServerMode.current()) {
                case DOCKER -> startContainers();
                case LOCAL -> LocalTestServers.get().addresses();
                case EMBEDDED -> EmbeddedTestServers.get().addresses();
            };
        }
        return forThisRun;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
    }

    /** The environment a service reads these from (see each service's application.yml). */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "DB_HOST", dbHost,
                "DB_PORT", String.valueOf(dbPort),
                "DB_NAME", dbName,
                "DB_USER", dbUser,
                "DB_PASSWORD", dbPassword,
                "RABBITMQ_HOST", rabbitHost,
                "RABBITMQ_PORT", String.valueOf(rabbitPort),
                "RABBITMQ_USER", rabbitUser,
                "RABBITMQ_PASSWORD", rabbitPassword,
                "RABBITMQ_VHOST", virtualHost);
    }

    @SuppressWarnings("resource") // Testcontainers' reaper stops them when the JVM exits
    private static ServerAddresses startContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName("hypertube");
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4-management-alpine");
        postgres.start();
        rabbit.start();
        return new ServerAddresses(
                postgres.getHost(),
                postgres.getMappedPort(5432),
                "hypertube",
                postgres.getUsername(),
                postgres.getPassword(),
                rabbit.getHost(),
                rabbit.getAmqpPort(),
                rabbit.getAdminUsername(),
                rabbit.getAdminPassword(),
                "/");
    }
}
