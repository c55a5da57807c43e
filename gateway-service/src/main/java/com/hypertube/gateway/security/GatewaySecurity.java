package com.hypertube.gateway.security;

import com.hypertube.contract.RequestIds;
import com.hypertube.contract.TokenClaims;
import com.hypertube.gateway.GatewayProperties;
import com.hypertube.gateway.web.ProblemResponses;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's guard, built on Spring Security's resource server: the JWT's signature is checked against
 * the auth service's JWKS (cached; fetched again for an unknown {@code kid}), then its expiry, issuer and
 * audience. No session: every request stands on its token. Users' tokens ({@code scope=user}) open
 * everything; API clients' ({@code scope=read}) only GET and HEAD under {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    private final String contentSecurityPolicy;

    GatewaySecurity(GatewayProperties properties) {
        this.contentSecurityPolicy = properties.security().contentSecurityPolicy();
    }

    @Bean
    SecurityWebFilterChain guard(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, GatewayProperties properties) {
        PublicPaths publicPaths = PublicPaths.of(properties.security().publicPaths());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable) // no cookie authorizes a change: see TokenFromHeaderOrCookie
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> {})
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)) // the services set their own
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new AccessRules(publicPaths)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new TokenFromHeaderOrCookie(publicPaths))
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
        return http.build();
    }

    /** Spring Security's strict firewall, with the same header rules checked without regular expressions. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        return firewall;
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
        GatewayProperties.Security security = properties.security();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(new JwksKeys(security.jwksUri()))
                .jwsAlgorithm(SignatureAlgorithm.from(TokenClaims.ALGORITHM))
                .build();
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(security.audience()));
        // Expiry with the clock skew every verifier allows (the contract's), the issuer, the audience.
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(java.time.Duration.ofSeconds(TokenClaims.CLOCK_SKEW_SECONDS)),
                new JwtIssuerValidator(security.issuer()),
                audience));
        return new CachingJwtDecoder(decoder, 10_000, java.time.Clock.systemUTC());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(Objects.requireNonNullElse(properties.security().allowedOrigins(), List.of()));
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
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, error) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hypertube\"");
            return ProblemResponses.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Sign in first: this needs a valid access token.");
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> ProblemResponses.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "This token may not do that (an API client may only read).");
    }
}
