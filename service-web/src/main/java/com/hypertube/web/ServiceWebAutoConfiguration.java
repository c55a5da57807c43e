package com.hypertube.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the shared web conventions in every servlet service that has this module. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // First of all filters, so that every later log line and error body has the id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Requests take turns on the virtual threads' carriers under load (see the filter for why). */
    @Bean
    FilterRegistrationBean<TakeTurnsFilter> takeTurnsFilter() {
        FilterRegistrationBean<TakeTurnsFilter> registration = new FilterRegistrationBean<>(new TakeTurnsFilter());
        // Around everything but the request id: it gives way once all the request's own work is done.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Guards every path but the public ones. Who is asking comes from {@code hypertube.security.identity-from}:
     * {@code token} (the default: a token the auth service signed, checked against {@code jwks-uri}),
     * {@code headers} (the gateway's identity headers, unverified: a service's own tests only) or {@code none}
     * (the auth service, which checks tokens in its own resolver: only the firewall runs). A service adds its public paths in
     * {@code hypertube.security.public-paths}.
     */
    @Bean
    FilterRegistrationBean<AccessTokenFilter> accessTokenFilter(Environment environment) {
        String identityFrom = environment.getProperty("hypertube.security.identity-from", "token");
        String service = environment.getProperty("spring.application.name", "unknown");
        List<String> publicPaths = new ArrayList<>(AccessTokenFilter.DEFAULT_PUBLIC_PATHS);
        publicPaths.addAll(
                List.of(environment.getProperty("hypertube.security.public-paths", String[].class, new String[0])));
        Function<HttpServletRequest, Optional<Caller>> identify =
                switch (identityFrom) {
                    case "token" -> AccessTokenFilter.fromToken(tokenVerifier(environment));
                    case "headers" -> AccessTokenFilter.fromTrustedHeaders();
                    case "none" -> {
                        // Only the firewall: every path is left to the service's own checks.
                        publicPaths.add("/**");
                        yield request -> Optional.empty();
                    }
                    default ->
                        throw new IllegalStateException(
                                "hypertube.security.identity-from must be token, headers or none, not " + identityFrom);
                };
        FilterRegistrationBean<AccessTokenFilter> registration =
                new FilterRegistrationBean<>(new AccessTokenFilter(identify, publicPaths, service));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static TokenVerifier tokenVerifier(Environment environment) {
        String jwksUri = environment.getProperty("hypertube.security.jwks-uri", "");
        if (jwksUri.isBlank()) {
            // Fail closed: a service without a way to check tokens must not start and believe anyone.
            throw new IllegalStateException(
                    "hypertube.security.jwks-uri is empty: set it to the auth service's "
                            + "JWKS (AUTH_JWKS_URL), or, for a service's own tests only, hypertube.security.identity-from=headers");
        }
        return new TokenVerifier(
                URI.create(jwksUri),
                environment.getProperty("hypertube.security.issuer", "hypertube"),
                environment.getProperty("hypertube.security.audience", "hypertube"),
                InstantSource.system());
    }

    /** Controllers take a {@link Caller}; the auth service ({@code identity-from=none}) resolves its own. */
    @Bean
    @ConditionalOnExpression("'${hypertube.security.identity-from:token}' != 'none'")
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** The one clock a service reads; a test replaces it (a bean of its own) to move time instead of sleeping. */
    @Bean
    @ConditionalOnMissingBean
    InstantSource clock() {
        return InstantSource.system();
    }

    /**
     * The service's own token for work no user asked for (scope {@code service}), from the auth service with
     * {@code SERVICE_CLIENT_SECRET}; without a secret it has none.
     */
    @Bean
    @ConditionalOnMissingBean
    com.hypertube.web.client.ServiceToken serviceToken(Environment environment, InstantSource clock) {
        return new com.hypertube.web.client.ServiceToken(
                URI.create(environment.getProperty("hypertube.service.token-uri", "http://127.0.0.1:8081/oauth/token")),
                environment.getProperty("spring.application.name", "unknown"),
                environment.getProperty("hypertube.service.client-secret", ""),
                clock);
    }

    @Bean
    ProblemErrorController problemErrorController(Environment environment) {
        return new ProblemErrorController(environment.getProperty("spring.application.name", "unknown"));
    }
}
