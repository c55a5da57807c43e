package com.hypertube.gateway.security;

import com.hypertube.contract.VerifiedTokens;
import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens it has verified, until they expire: a browser sends the same access token with every
 * request for its 15 minutes, and checking an RSA signature and parsing the token again each time was the
 * largest part of the guard's cost. A token string maps to one result forever (the signature covers it), so
 * only expiry needs looking at again. What is remembered is the {@link Caller} (the token's grants and
 * identity headers, worked out once). Failures are not remembered. Bounded: past {@code maxEntries} the cache
 * starts over.
 *
 * <p>{@link #lookup} answers from the cache without any reactive machinery: the guard's path for a known
 * token; {@link #verify} checks an unknown one with the delegate.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokens<Caller> verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(maxEntries, clock);
    }

    /** What the cache knows of this token, at once. */
    VerifiedTokens.Lookup<Caller> lookup(String token) {
        return verified.lookup(token);
    }

    /** The caller of a token the cache does not know: verified by the delegate, then remembered. */
    Mono<Caller> verify(String token) {
        return delegate.decode(token).map(jwt -> {
            Caller caller = Caller.of(jwt);
            if (jwt.getExpiresAt() != null) {
                verified.remember(token, caller, jwt.getExpiresAt());
            }
            return caller;
        });
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return switch (verified.lookup(token)) {
            case VerifiedTokens.Lookup.Known<Caller>(Caller known) -> Mono.just(known.jwt());
            case VerifiedTokens.Lookup.Expired<Caller>() -> Mono.error(expired());
            case VerifiedTokens.Lookup.Unknown<Caller>() -> verify(token).map(Caller::jwt);
        };
    }

    static JwtValidationException expired() {
        return new JwtValidationException(
                "The token has expired", List.of(new OAuth2Error("invalid_token", "expired", null)));
    }
}
