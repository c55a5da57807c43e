package com.hypertube.streaming.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.ServerAddresses;
import com.hypertube.testinfra.TcpSwitch;
import com.hypertube.testinfra.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Hardening issue, finding 10: outages answer as outages, and the service comes back by itself. The service
 * reaches Postgres and RabbitMQ through {@link TcpSwitch}es the test turns off and on (the machine's servers
 * stay up for every other test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestInfrastructure.class, OutageIT.ThroughSwitches.class})
class OutageIT {

    static final ServerAddresses SERVERS = ServerAddresses.forThisRun();
    static final TcpSwitch DATABASE = open(SERVERS.dbHost(), SERVERS.dbPort());
    static final TcpSwitch BROKER = open(SERVERS.rabbitHost(), SERVERS.rabbitPort());

    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughSwitches {
        @Bean
        static BeanPostProcessor throughSwitches() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource dataSource) {
                        dataSource.setJdbcUrl(dataSource
                                .getJdbcUrl()
                                .replace(SERVERS.dbHost() + ":" + SERVERS.dbPort(), "127.0.0.1:" + DATABASE.port()));
                    }
                    if (bean instanceof CachingConnectionFactory broker) {
                        broker.setAddresses("127.0.0.1:" + BROKER.port());
                    }
                    return bean;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DownloadJobs jobs;

    @AfterAll
    static void close() throws IOException {
        DATABASE.close();
        BROKER.close();
    }

    @Test
    void withTheBrokerDownPressingPlayIsStillAcceptedAndTheJobIsSentOnceItIsBack() throws Exception {
        BROKER.off();
        HttpResponse<String> started;
        try {
            started =
                    service().send("POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}");
        } finally {
            BROKER.on();
        }
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = ServiceClient.jobIdOf(started.body());
        // Recorded, not sent: no worker has taken it.
        assertThat(service().sendAsAdmin("GET", "/api/downloads/" + jobId, null).body())
                .contains("\"status\":\"PENDING\"");

        // What the reconciler does every minute for jobs pending that long.
        jobs.resend(Instant.now().plusSeconds(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> !service()
                .sendAsAdmin("GET", "/api/downloads/" + jobId, null)
                .body()
                .contains("\"status\":\"PENDING\""));
    }

    @Test
    void withTheDatabaseDownACallIsAQuick503AndTheServiceRecoversByItself() throws Exception {
        assertThat(service().send("GET", "/api/downloads", null).statusCode()).isEqualTo(200);
        DATABASE.off();
        HttpResponse<String> down;
        long took;
        try {
            long began = System.nanoTime();
            down = service().send("GET", "/api/downloads", null);
            took = (System.nanoTime() - began) / 1_000_000;
        } finally {
            DATABASE.on();
        }
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body())
                .contains("urn:hypertube:problem:service-unavailable")
                .doesNotContain("Exception");
        assertThat(took).as("milliseconds to answer").isLessThan(4_500);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> service().send("GET", "/api/downloads", null).statusCode() == 200);
    }

    private ServiceClient service() {
        return new ServiceClient(port);
    }

    private static TcpSwitch open(String host, int port) {
        try {
            return new TcpSwitch(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
