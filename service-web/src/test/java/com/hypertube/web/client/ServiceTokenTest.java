package com.hypertube.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's own token, against a token endpoint on 127.0.0.1 answering as the auth service does. */
class ServiceTokenTest {

    private HttpServer auth;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/oauth/token", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = status.get() == 200
                    ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"service\"}"
                    : "{\"error\":\"invalid_client\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        auth.start();
    }

    @AfterEach
    void stop() {
        auth.stop(0);
    }

    private ServiceToken token(String secret) {
        return new ServiceToken(
                URI.create("http://127.0.0.1:" + auth.getAddress().getPort() + "/oauth/token"),
                "media-service",
                secret,
                now::get);
    }

    @Test
    void aTokenIsAskedForOnceAndKeptUntilAMinuteBeforeItExpires() {
        ServiceToken token = token("a-secret-of-at-least-24-chars");

        assertThat(token.bearer()).contains("Bearer token-1");
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(13)));
        assertThat(token.bearer()).contains("Bearer token-1");
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(1)));
        assertThat(token.bearer()).contains("Bearer token-2");
        assertThat(authorizations.getFirst()).startsWith("Basic ");
        assertThat(new String(
                        java.util.Base64.getDecoder()
                                .decode(authorizations.getFirst().substring(6)),
                        StandardCharsets.UTF_8))
                .isEqualTo("media-service:a-secret-of-at-least-24-chars");
    }

    @Test
    void withoutASecretThereIsNoTokenAndNoCall() {
        assertThat(token("").bearer()).isEmpty();
        assertThat(token(null).configured()).isFalse();
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aRefusalIsAProviderErrorNotANullToken() {
        status.set(401);

        assertThatThrownBy(() -> token("a-secret-of-at-least-24-chars").bearer())
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("auth-service");
    }
}
