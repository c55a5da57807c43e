package com.hypertube.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The servers of {@code HYPERTUBE_TEST_SERVERS=embedded}, started here whatever this machine has, so that CI (which
 * has real servers) keeps them working: a Postgres 17 with the database made for the tests, and an AMQP broker
 * that Spring AMQP talks to as it does to RabbitMQ.
 */
class EmbeddedTestServersIT {

    private final ServerAddresses servers = EmbeddedTestServers.get().addresses();

    @Test
    void postgresHasTheTestDatabaseAndTakesTables() throws Exception {
        try (Connection connection =
                DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword())) {
            ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
            connection
                    .createStatement()
                    .execute("CREATE TABLE IF NOT EXISTS checked (id int UNIQUE NULLS NOT DISTINCT)");
        }
        assertThat(servers.dbHost()).isEqualTo("127.0.0.1");
        assertThat(servers.dbName()).isEqualTo("hypertube");
    }

    @Test
    void theBrokerDeliversAnEventToACaptureAsRabbitMqDoes() {
        CachingConnectionFactory connections = new CachingConnectionFactory(servers.rabbitHost(), servers.rabbitPort());
        connections.setUsername(servers.rabbitUser());
        connections.setPassword(servers.rabbitPassword());
        connections.setVirtualHost(servers.virtualHost());
        try (EventCapture capture = EventCapture.of(connections, "events.checked", "thing.happened")) {
            new RabbitTemplate(connections).convertAndSend("events.checked", "thing.happened", "it did");

            Optional<Message> event = capture.next(Duration.ofSeconds(10));

            assertThat(event).isPresent();
            assertThat(new String(event.get().getBody(), StandardCharsets.UTF_8))
                    .isEqualTo("it did");
        } finally {
            connections.destroy();
        }
    }

    @Test
    void theyAreStartedOncePerJvm() {
        assertThat(EmbeddedTestServers.get().addresses()).isEqualTo(servers);
        assertThat(servers.virtualHost()).isEqualTo("/");
        assertThat(EmbeddedTestServers.get().startedIn()).isPositive();
    }
}
