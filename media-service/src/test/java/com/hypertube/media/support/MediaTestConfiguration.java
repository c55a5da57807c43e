package com.hypertube.media.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.hypertube.testinfra.MovableClock;
import com.hypertube.testinfra.TestInfrastructure;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one test configuration of media-service's integration tests (so Spring builds one context for all): the
 * real Postgres and RabbitMQ, TMDB, OMDb (and source-service, for the title page's sources) faked by one WireMock server on 127.0.0.1 answering in their
 * documented formats, and a clock the tests move.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestInfrastructure.class)
public class MediaTestConfiguration {

    /** The providers' fake, shared by every test of the run; each test sets the answers it needs. */
    public static final WireMockServer PROVIDERS = startProviders();

    public static final MovableClock CLOCK = MovableClock.stoppedAt(Instant.parse("2026-12-01T10:00:00Z"));

    private static WireMockServer startProviders() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @Bean
    MovableClock clock() {
        return CLOCK;
    }

    @Bean
    DynamicPropertyRegistrar providers() {
        return registry -> {
            registry.add("hypertube.media.tmdb.api-url", () -> PROVIDERS.baseUrl() + "/tmdb");
            registry.add("hypertube.media.tmdb.api-key", () -> "tmdb-test-key");
            registry.add("hypertube.media.omdb.api-url", () -> PROVIDERS.baseUrl() + "/omdb");
            registry.add("hypertube.media.omdb.api-key", () -> "omdb-test-key");
            registry.add("hypertube.media.sources.url", () -> PROVIDERS.baseUrl() + "/source");
            // The service's own token comes from a fake auth service's /oauth/token.
            registry.add("hypertube.service.token-uri", () -> PROVIDERS.baseUrl() + "/auth/oauth/token");
            registry.add("hypertube.service.client-secret", () -> "media-test-service-secret-0123");
        };
    }
}
