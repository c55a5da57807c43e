package com.hypertube.source;

import com.hypertube.testinfra.MovableClock;
import com.hypertube.testinfra.TestInfrastructure;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The one test configuration of the service's integration tests (so Spring builds one context for all):
 * real Postgres and RabbitMQ, a clock the tests move, and two fake providers beside the real ones (which
 * point at a closed port and answer empty).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestInfrastructure.class)
public class SourceTestConfiguration {

    public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Bean
    MovableClock clock() {
        return MovableClock.stoppedAt(START);
    }

    @Bean
    FakeProvider alpha() {
        return FakeProvider.answering("Alpha");
    }

    @Bean
    FakeProvider broken() {
        return FakeProvider.broken("Broken");
    }
}
