package com.hypertube.gateway.security;

import com.hypertube.contract.VerifiedTokens;
import java.time.Clock;
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
    private final VerifiedTokens<Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(maxEntries, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return switch (verified.lookup(token)) {
            case VerifiedTokens.Lookup.Known<Jwt>(Jwt known) -> Mono.just(known);
            case VerifiedTokens.Lookup.Expired<Jwt>() ->
                Mono.error(new JwtValidationException(
                        "The token has expired", java.util.List.of(new OAuth2Error("invalid_token", "expired", null))));
            case VerifiedTokens.Lookup.Unknown<Jwt>() ->
                delegate.decode(token).doOnNext(jwt -> {
                    if (jwt.getExpiresAt() != null) {
                        verified.remember(token, jwt, jwt.getExpiresAt());
                    }
                });
        };
    }
}
