package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/** Hardening issue, finding 9: made-up key ids must not make the gateway fetch the JWKS for each token. */
@Tag("security")
class UnknownKeyLimiterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void madeUpKeyIdsCauseAtMostOneFetchPerIntervalAndKnownKeysNone() {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        // The real key is "k1": the remote key source would fetch the key set for any other id.
        UnknownKeyLimiter limiter = new UnknownKeyLimiter(
                token -> {
                    if (token.equals(token("k1"))) {
                        return Mono.just(jwt(token));
                    }
                    fetches.incrementAndGet();
                    return Mono.error(new BadJwtException("no such key"));
                },
                Duration.ofSeconds(30),
                clock);

        limiter.decode(token("k1")).block();
        for (int i = 0; i < 100; i++) {
            String forged = token("made-up-" + i);
            assertThatThrownBy(() -> limiter.decode(forged).block()).isInstanceOf(JwtException.class);
        }
        // The first token (of the real key) used the window: none of the 100 made-up ones caused a fetch.
        assertThat(fetches).as("fetches for 100 unknown key ids within 30 s").hasValue(0);
        assertThat(limiter.decode(token("k1")).block()).isNotNull();

        now.set(NOW.plusSeconds(31));
        assertThatThrownBy(() -> limiter.decode(token("rotated")).block()).isInstanceOf(JwtException.class);
        assertThat(fetches)
                .as("a rotated key gets its fetch after the interval")
                .hasValue(1);
    }

    private static String token(String keyId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(new byte[256]);
    }

    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("x")
                .expiresAt(NOW.plusSeconds(600))
                .build();
    }
}
