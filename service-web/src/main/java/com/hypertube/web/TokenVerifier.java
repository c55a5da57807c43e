package com.hypertube.web;

import com.hypertube.contract.TokenClaims;
import com.hypertube.contract.VerifiedTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies an access token the auth service signed (RS256, against its JWKS, issuer and audience checked) and
 * says who it speaks for. A user's token has a UUID subject, a {@code name}, scope {@code user} and maybe
 * {@code roles}; an API client's has the subject {@code client:<id>} and scope {@code read}.
 */
public final class TokenVerifier {

    private static final int MAX_REMEMBERED = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final VerifiedTokens<Caller> verified;
    private final InstantSource clock;

    /** Verifies against the auth service's JWKS, fetched over HTTP (the services). */
    public TokenVerifier(URI jwksUri, String issuer, String audience, InstantSource clock) {
        this(remoteKeys(jwksUri), issuer, audience, clock);
    }

    /**
     * Verifies against these keys (the auth service, which holds its own): the one way every service checks an
     * access token, with the contract's rules and this clock for expiry.
     */
    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, InstantSource clock) {
        this.clock = clock;
        this.verified = new VerifiedTokens<>(MAX_REMEMBERED, clock);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(TokenClaims.ALGORITHM), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(
                        audience,
                        new JWTClaimsSet.Builder().issuer(issuer).build(),
                        Set.of("sub", "exp", "iat", TokenClaims.SCOPE)) {
                    // Expiry by the service's clock, not the system's: tests move time instead of waiting.
                    @Override
                    protected java.util.Date currentTime() {
                        return java.util.Date.from(clock.instant());
                    }
                };
        // The same tolerance as the gateway's (one rule, in the contract).
        claimsVerifier.setMaxClockSkew(TokenClaims.CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    // Nimbus caches the key set and rate-limits refetches for an unknown key id (one per 30 s).
    private static JWKSource<SecurityContext> remoteKeys(URI jwksUri) {
        try {
            return JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("hypertube.security.jwks-uri is not a URL: " + jwksUri, e);
        }
    }

    // A player sends the same token with every range request for 15 minutes: a token verified once is
    // remembered until it expires (the signature covers the string, so only the clock needs asking again).
    // Failures are not remembered; past MAX_REMEMBERED tokens the memory starts over.
    public Optional<Caller> verify(String token) {
        return switch (verified.lookup(token)) {
            case VerifiedTokens.Lookup.Known<Caller>(Caller known) -> Optional.of(known);
            case VerifiedTokens.Lookup.Expired<Caller>() -> Optional.empty();
            case VerifiedTokens.Lookup.Unknown<Caller>() -> verifyNow(token);
        };
    }

    private Optional<Caller> verifyNow(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Optional<Caller> caller = callerOf(claims);
            caller.ifPresent(found ->
                    verified.remember(token, found, claims.getExpirationTime().toInstant()));
            return caller;
        } catch (Exception e) { // parse, signature, claims or key-fetch failure: no identity either way
            return Optional.empty();
        }
    }

    static Optional<Caller> callerOf(JWTClaimsSet claims) throws java.text.ParseException {
        String subject = claims.getSubject();
        Set<String> scopes =
                Set.of(String.valueOf(claims.getClaim(TokenClaims.SCOPE)).split(" "));
        List<String> roles = claims.getStringListClaim(TokenClaims.ROLES);
        Set<String> roleSet = roles == null ? Set.of() : Set.copyOf(roles);
        if (TokenClaims.isClient(subject)) {
            // A client never acts as a user, whatever else its token says.
            String clientId = subject.substring(TokenClaims.CLIENT_SUBJECT_PREFIX.length());
            return Optional.of(new Caller(Optional.empty(), clientId, clientId, Set.of(Caller.READ_SCOPE), Set.of()));
        }
        UUID user;
        try {
            user = UUID.fromString(subject);
        } catch (IllegalArgumentException notAUser) {
            return Optional.empty();
        }
        String name = claims.getStringClaim(TokenClaims.NAME);
        return Optional.of(new Caller(Optional.of(user), null, name == null ? subject : name, scopes, roleSet));
    }
}
