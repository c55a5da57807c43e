package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aVerifiedTokenIsVerifiedOnceUntilItExpires() {
        AtomicInteger verifications = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(
                token -> {
                    verifications.incrementAndGet();
                    return Mono.just(jwt(token, NOW.plusSeconds(60)));
                },
                100,
                Clock.fixed(NOW, ZoneOffset.UTC));

        decoder.decode("t1").block();
        decoder.decode("t1").block();

        assertThat(verifications).hasValue(1);
        CachingJwtDecoder later = new CachingJwtDecoder(
                token -> Mono.just(jwt(token, NOW.plusSeconds(60))),
                100,
                Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        later.decode("t2").block(); // cached with an expiry already past: the next use fails
        assertThatThrownBy(() -> later.decode("t2").block()).isInstanceOf(JwtException.class);
    }

    @Test
    void failuresAreNotRemembered() {
        AtomicInteger verifications = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(
                token -> {
                    verifications.incrementAndGet();
                    return Mono.error(new BadJwtException("bad"));
                },
                100,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("someone")
                .issuedAt(NOW.minusSeconds(10))
                .expiresAt(expiresAt)
                .build();
    }
}
