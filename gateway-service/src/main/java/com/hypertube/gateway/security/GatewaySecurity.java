package com.hypertube.gateway.security;

import com.hypertube.contract.RequestIds;
import com.hypertube.contract.TokenClaims;
import com.hypertube.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The gateway's guard ({@link GatewayGuard}), built from Spring Security's pieces but not its WebFlux filter
 * chain: the JWT's signature is checked against the auth service's JWKS (cached; fetched again for an unknown
 * {@code kid}, at most once per 30 s), then its expiry, issuer and audience, by Spring Security's Nimbus
 * decoder; a verified token is remembered until it expires. No session: every request stands on its token.
 * Users' tokens ({@code scope=user}) open everything; API clients' ({@code scope=read}) only GET and HEAD
 * under the API areas.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    @Bean
    GatewayGuard gatewayGuard(GatewayProperties properties, CachingJwtDecoder jwtDecoder) {
        GatewayProperties.Security security = properties.security();
        return new GatewayGuard(
                new AccessRules(PublicPaths.of(security.publicPaths())),
                jwtDecoder,
                new SecurityHeaders(security.contentSecurityPolicy()),
                cors(security));
    }

    @Bean
    SecurityHeaders.FromServices securityHeadersFromServices() {
        return new SecurityHeaders.FromServices();
    }

    @Bean
    CachingJwtDecoder jwtDecoder(GatewayProperties properties) {
        GatewayProperties.Security security = properties.security();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(new JwksKeys(security.jwksUri()))
                .jwsAlgorithm(SignatureAlgorithm.from(TokenClaims.ALGORITHM))
                .build();
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(security.audience()));
        // Expiry with the clock skew every verifier allows (the contract's), the issuer, the audience.
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(TokenClaims.CLOCK_SKEW_SECONDS)),
                new JwtIssuerValidator(security.issuer()),
                audience));
        return new CachingJwtDecoder(decoder, 10_000, Clock.systemUTC());
    }

    /** Browsers' cross-origin calls: from the configured origins only (the gateway's own pages need none). */
    private static CorsConfiguration cors(GatewayProperties.Security security) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(Objects.requireNonNullElse(security.allowedOrigins(), List.of()));
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.RANGE,
                "X-Requested-With",
                RequestIds.HEADER));
        cors.setExposedHeaders(
                List.of(RequestIds.HEADER, "Retry-After", HttpHeaders.CONTENT_RANGE, HttpHeaders.LOCATION));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }
}
