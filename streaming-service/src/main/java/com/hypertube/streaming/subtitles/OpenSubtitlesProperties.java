package com.hypertube.streaming.subtitles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * OpenSubtitles, bound from {@code hypertube.opensubtitles.*}.
 *
 * @param apiKey the API key ({@code OPENSUBTITLES_API_KEY}); empty, OpenSubtitles is off and never called
 * @param apiUrl the REST API ({@code OPENSUBTITLES_API_URL}, {@code https://api.opensubtitles.com/api/v1})
 * @param userAgent the {@code User-Agent} OpenSubtitles knows the application by ({@code OPENSUBTITLES_USER_AGENT})
 * @param timeout connect and read timeout of each call
 * @param hashTimeout how long the list waits for the first and last 64 KiB of a video (its moviehash, read in the
 *     background); past it, that list searches by IMDb id alone and a later one finds the hash
 * @param searchCacheTtl how long a search's answer is kept
 * @param perLanguage how many subtitles of each language are listed
 */
@Validated
@ConfigurationProperties("hypertube.opensubtitles")
public record OpenSubtitlesProperties(
        String apiKey,
        @NotNull URI apiUrl,
        @NotBlank String userAgent,
        @NotNull Duration timeout,
        @NotNull Duration hashTimeout,
        @NotNull Duration searchCacheTtl,
        int perLanguage) {

    public OpenSubtitlesProperties {
        apiKey = apiKey == null ? "" : apiKey.strip();
        perLanguage = perLanguage <= 0 ? 2 : perLanguage;
    }

    public boolean configured() {
        return !apiKey.isEmpty();
    }
}
