package com.hypertube.auth.token;

import com.hypertube.auth.AuthProperties;
import com.hypertube.contract.Roles;
import com.hypertube.contract.Scopes;
import com.hypertube.contract.TokenClaims;
import com.hypertube.web.Caller;
import com.hypertube.web.TokenVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the JWTs of this service: RS256 access tokens (what the gateway and the services
 * verify through the JWKS), and short-lived signed envelopes for the OAuth state and sign-up tickets, told
 * apart by their audience so one can never be used as the other.
 */
@Component
public class AccessTokens {

    /** The role an administrator's token carries (service-web's {@code Caller.ADMIN_ROLE}). */
    public static final String ADMIN_ROLE = Roles.ADMIN;

    private final SigningKeys keys;
    private final AuthProperties.Tokens settings;
    private final Clock clock;
    private final AdminRole adminRole;
    private final TokenVerifier verifier;

    AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock, AdminRole adminRole) {
        this.keys = keys;
        this.settings = properties.tokens();
        this.clock = clock;
        this.adminRole = adminRole;
        // The public halves of the keys this service publishes in its JWKS: what the services verify with too.
        JWKSource<SecurityContext> ownKeys = (selector, context) -> selector.select(new JWKSet(keys.all().stream()
                .map(key -> (JWK)
                        new RSAKey.Builder(key.publicKey()).keyID(key.kid()).build())
                .toList()));
        this.verifier = new TokenVerifier(ownKeys, settings.issuer(), settings.audience(), clock);
    }

    /** A user's token: their id, name, scope {@code user}, and {@code roles: [admin]} for an administrator. */
    public AccessToken forUser(UUID userId, String username) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put(TokenClaims.NAME, username);
        claims.put(TokenClaims.SCOPE, Scopes.USER);
        claims.put(TokenClaims.ROLES, adminRole.isAdmin(userId, username) ? List.of(ADMIN_ROLE) : List.of());
        return issue(userId.toString(), claims, settings.accessTtl());
    }

    public AccessToken forClient(String clientId, Set<String> scopes) {
        return issue(
                TokenClaims.CLIENT_SUBJECT_PREFIX + clientId,
                Map.of(TokenClaims.SCOPE, String.join(" ", scopes)),
                settings.accessTtl());
    }

    /**
     * The caller of a valid access token; empty for anything else (expired, foreign, tampered, none). Checked as
     * every service checks it (service-web's TokenVerifier: RS256, one of our keys, issuer, audience, expiry
     * with the contract's clock skew), against our own keys.
     */
    public Optional<Caller> verify(String token) {
        if (token == null || token.isBlank() || token.length() > TokenClaims.MAX_LENGTH) {
            return Optional.empty();
        }
        return verifier.verify(token);
    }

    /** Signs a small envelope for another purpose (its own audience) of this service. */
    public String seal(String purpose, Map<String, String> content, Duration ttl) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header()
                .keyId(keys.current().kid())
                .and()
                .issuer(settings.issuer())
                .audience()
                .add(settings.audience() + ":" + purpose)
                .and()
                .claims(content)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(keys.current().privateKey(), Jwts.SIG.RS256)
                .compact();
    }

    /** The content of an envelope sealed for this purpose, if it is genuine and unexpired. */
    public Optional<Map<String, Object>> open(String purpose, String sealed) {
        return parse(sealed, settings.audience() + ":" + purpose).map(claims -> Map.copyOf(claims));
    }

    private AccessToken issue(String subject, Map<String, ?> claims, Duration ttl) {
        Instant now = clock.instant();
        String token = Jwts.builder()
                .header()
                .keyId(keys.current().kid())
                .and()
                .id(UUID.randomUUID().toString())
                .issuer(settings.issuer())
                .audience()
                .add(settings.audience())
                .and()
                .subject(subject)
                .claims(claims)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(keys.current().privateKey(), Jwts.SIG.RS256)
                .compact();
        return new AccessToken(token, ttl.toSeconds());
    }

    private Optional<Claims> parse(String token, String audience) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            Claims claims = Jwts.parser()
                    // Only our keys, chosen by kid; an unsigned token (alg none) is refused by jjwt itself.
                    .keyLocator(header -> keyFor(header.getAlgorithm(), header.get("kid")))
                    .requireIssuer(settings.issuer())
                    .requireAudience(audience)
                    .clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(TokenClaims.CLOCK_SKEW_SECONDS)
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            return Optional.of(claims);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Only RS256 with one of our keys: a token naming another algorithm or an unknown key is refused
    // before any signature is checked.
    private Key keyFor(String algorithm, Object kid) {
        if (!TokenClaims.ALGORITHM.equals(algorithm)) {
            throw new JwtException("Unexpected algorithm " + algorithm);
        }
        return keys.find(String.valueOf(kid))
                .map(SigningKey::publicKey)
                .orElseThrow(() -> new JwtException("Unknown signing key"));
    }
}
