package com.hypertube.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway, bound from {@code hypertube.gateway.*}.
 *
 * @param services the downstream services by name (the name appears in routes and in 503 problems)
 * @param connectTimeout how long to wait for a connection to a service
 * @param responseTimeout how long a service may stay silent once asked, unless the service sets its own
 * @param getRetries how many times a failed GET is tried again; other methods are never retried
 * @param security token checks, CORS and security headers
 */
@Validated
@ConfigurationProperties("hypertube.gateway")
public record GatewayProperties(
        @NotEmpty Map<String, @Valid Downstream> services,
        @NotNull Duration connectTimeout,
        @NotNull Duration responseTimeout,
        @PositiveOrZero int getRetries,
        @Valid @NotNull Security security) {

    /**
     * Who may pass.
     *
     * @param jwksUri where the auth service publishes its token keys
     * @param issuer the {@code iss} every access token must carry
     * @param audience the {@code aud} every access token must carry
     * @param allowedOrigins the web origins whose pages may call the API from a browser (CORS); the
     *     gateway's own pages need no entry
     * @param contentSecurityPolicy the CSP sent with every answer
     * @param trustedProxies the addresses or CIDR ranges of reverse proxies in front of the gateway whose
     *     {@code X-Forwarded-For} tells the client's address; empty: the connection's address is the client's
     * @param publicPaths what anyone may reach without a token, as {@code "METHOD /pattern…"} entries
     *     ({@code *} for any method); besides these, only the UI's files outside the API areas
     */
    public record Security(
            @NotNull URI jwksUri,
            @NotEmpty String issuer,
            @NotEmpty String audience,
            List<String> allowedOrigins,
            @NotEmpty String contentSecurityPolicy,
            List<String> trustedProxies,
            @NotEmpty List<String> publicPaths) {

        public Security {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        }
    }

    /**
     * @param url where the service listens
     * @param paths the public path patterns routed to it
     * @param responseTimeout overrides the gateway's response timeout for this service (null: keep it)
     */
    public record Downstream(@NotNull URI url, @NotEmpty List<String> paths, Duration responseTimeout) {}

    public Duration responseTimeoutOf(Downstream service) {
        return service.responseTimeout() != null ? service.responseTimeout() : responseTimeout;
    }
}
