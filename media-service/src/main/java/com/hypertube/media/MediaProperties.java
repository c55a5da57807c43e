package com.hypertube.media;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the media service, bound from {@code hypertube.media.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 */
@Validated
@ConfigurationProperties("hypertube.media")
public record MediaProperties(@NotNull URI publicUrl) {}
