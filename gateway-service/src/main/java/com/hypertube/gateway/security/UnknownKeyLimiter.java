package com.hypertube.gateway.security;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Spring's remote key source fetches the auth service's JWKS again for every token whose key id it does not
 * know — and anyone can make up a key id, so a stream of such tokens became a stream of JWKS fetches. Key ids
 * seen on a verified token pass straight on; an unknown one may cause at most one fetch per
 * {@code minInterval} (enough for a key rotation), and is refused without one in between.
 */
final class UnknownKeyLimiter implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Duration minInterval;
    private final Clock clock;
    private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> lastUnknownTry = new AtomicReference<>(Instant.MIN);

    UnknownKeyLimiter(ReactiveJwtDecoder delegate, Duration minInterval, Clock clock) {
        this.delegate = delegate;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String keyId = keyIdOf(token);
        if (keyId == null || knownKeys.contains(keyId)) {
            return delegate.decode(token); // no key id: refused before any fetch; a known one: no fetch
        }
        Instant now = clock.instant();
        Instant last = lastUnknownTry.get();
        if (now.isBefore(last.plus(minInterval)) || !lastUnknownTry.compareAndSet(last, now)) {
            return Mono.error(new BadJwtException("The token is signed with an unknown key"));
        }
        return delegate.decode(token).doOnNext(verified -> knownKeys.add(keyId));
    }

    private static String keyIdOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException | ClassCastException notASignedJwt) {
            return null;
        }
    }
}
