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
 */
@Validated
@ConfigurationProperties("hypertube.gateway")
public record GatewayProperties(
        @NotEmpty Map<String, @Valid Downstream> services,
        @NotNull Duration connectTimeout,
        @NotNull Duration responseTimeout,
        @PositiveOrZero int getRetries) {

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
