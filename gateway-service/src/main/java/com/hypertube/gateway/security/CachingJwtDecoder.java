package com.hypertube.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens it has verified, until they expire: a browser sends the same access token with every
 * request for its 15 minutes, and checking an RSA signature and parsing the token again each time was the
 * largest part of the guard's cost. A token string maps to one result forever (the signature covers it), so
 * only expiry needs looking at again. Failures are not remembered. Bounded: past {@code maxEntries} the cache
 * starts over.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (isExpired(known)) {
                verified.remove(token);
                return Mono.error(new JwtValidationException(
                        "The token has expired", java.util.List.of(new OAuth2Error("invalid_token", "expired", null))));
            }
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, jwt);
        });
    }

    private boolean isExpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().isBefore(expiresAt);
    }
}
