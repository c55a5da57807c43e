package com.hypertube.source;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the source service, bound from {@code hypertube.source.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 */
@Validated
@ConfigurationProperties("hypertube.source")
public record SourceProperties(@NotNull URI publicUrl) {}
