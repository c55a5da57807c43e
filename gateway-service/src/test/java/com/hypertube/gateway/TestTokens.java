package com.hypertube.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs access tokens the way the auth service does, with a key whose JWKS a stub publishes. */
final class TestTokens {

    final RSAKey key;

    TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    String user(UUID id) {
        return sign(key, id.toString(), "user", "hypertube", "hypertube", Duration.ofMinutes(15));
    }

    /** An administrator's token: what auth-service issues to the first account and HYPERTUBE_ADMINS. */
    String admin(UUID id) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    new JWTClaimsSet.Builder()
                            .subject(id.toString())
                            .issuer("hypertube")
                            .audience("hypertube")
                            .claim("scope", "user")
                            .claim("name", "chief")
                            .claim("roles", java.util.List.of("admin"))
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String client(String clientId) {
        return sign(key, "client:" + clientId, "read", "hypertube", "hypertube", Duration.ofMinutes(15));
    }

    /** A service's own token (scope service): for calls between services, never through the gateway. */
    String service(String name) {
        return sign(key, "client:" + name, "service", "hypertube", "hypertube", Duration.ofMinutes(15));
    }

    static String sign(RSAKey key, String subject, String scope, String issuer, String audience, Duration ttl) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .claim("scope", scope)
                    .claim("name", "tester")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(ttl)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
