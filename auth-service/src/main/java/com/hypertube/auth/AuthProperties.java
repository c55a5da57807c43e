package com.hypertube.auth;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the auth service, bound from {@code hypertube.auth.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 */
@Validated
@ConfigurationProperties("hypertube.auth")
public record AuthProperties(@NotNull URI publicUrl) {}
