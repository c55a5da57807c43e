package com.hypertube.gateway.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The auth service's signing keys, for the gateway's token check, from Nimbus's key source as the services use
 * it: the key set is cached (5 minutes, refreshed ahead), and fetched again for a key id it does not hold at
 * most once per 30 s — so a stream of tokens with made-up key ids is no stream of JWKS fetches, while a key
 * that really rotated is found by the first token that carries it. (Spring's remote key source fetched the
 * set for every unknown key id.) A token whose key cannot be found — unknown, or the set unreachable — is
 * refused as unverifiable: 401, never a 500.
 */
final class JwksKeys implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);

    private final JWKSource<SecurityContext> source;

    JwksKeys(URI jwksUri) {
        try {
            this.source =
                    JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("hypertube.gateway.security.jwks-uri is not a URL: " + jwksUri, e);
        }
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        // Usually answered from the cache; a fetch blocks, so it runs off the event loop.
        return Mono.fromCallable(() -> source.get(selector, null))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(KeySourceException.class, e -> {
                    if (!(e instanceof RateLimitReachedException)) {
                        log.warn("Cannot fetch the auth service's keys: {}", e.toString());
                    }
                    return Mono.just(List.of()); // no key: the token is refused as unverifiable (401)
                })
                .flatMapIterable(keys -> keys);
    }
}
