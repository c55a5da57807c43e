package com.hypertube.streaming;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the streaming service, bound from {@code hypertube.streaming.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 * @param downloadRoot the folder torrents are downloaded into; nothing is ever written outside it
 * @param messaging the RabbitMQ topology this service owns
 */
@Validated
@ConfigurationProperties("hypertube.streaming")
public record StreamingProperties(
        @NotNull URI publicUrl,
        @NotNull Path downloadRoot,
        @Valid @NotNull Messaging messaging) {

    /**
     * @param exchange the topic exchange that jobs and events travel through
     * @param downloadQueue jobs for the download workers
     * @param conversionQueue jobs for the conversion workers
     */
    public record Messaging(
            @NotBlank String exchange,
            @NotBlank String downloadQueue,
            @NotBlank String conversionQueue) {}
}
