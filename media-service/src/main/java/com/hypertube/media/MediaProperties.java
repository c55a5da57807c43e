package com.hypertube.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the media service, bound from {@code hypertube.media.*} (environment variables in the README).
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 * @param tmdb where metadata comes from
 * @param omdb where IMDb ratings come from, when a key is set
 * @param sync the background refresh
 * @param comments limits on what users write
 * @param sources where the title page's sources come from
 * @param listCacheTtl how long a page of a list is reused for everyone before it is read again (a user's own
 *     marks are added to it fresh); titles change a few times a day, pages are read many times a second
 * @param catalogFile films registered from a JSON file ({@code CATALOG_FILE}; the demo library's), or none
 */
@Validated
@ConfigurationProperties("hypertube.media")
public record MediaProperties(
        @NotNull URI publicUrl,
        @Valid @NotNull Tmdb tmdb,
        @Valid @NotNull Omdb omdb,
        @Valid @NotNull Sync sync,
        @Valid @NotNull Comments comments,
        @Valid @NotNull Sources sources,
        @NotNull Duration listCacheTtl,
        Path catalogFile) {

    /**
     * TMDB API v3.
     *
     * @param apiUrl its base address ({@code TMDB_API_URL}); tests point it at a fake
     * @param apiKey a v3 API key ({@code TMDB_API_KEY}), sent as {@code api_key}
     * @param readToken a v4 read access token ({@code TMDB_READ_TOKEN}), sent as a bearer token; preferred
     * @param imageUrl where TMDB serves images; covers are {@code imageUrl/posterSize/path}
     * @param posterSize one of TMDB's configured poster sizes
     * @param backdropSize one of TMDB's configured backdrop sizes
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long one call may take in the background (details, sync)
     * @param searchTimeout how long a user's page waits for TMDB's search before answering from the database
     * @param cacheTtl how long an answer is reused
     * @param cacheEntries how many answers are kept
     */
    public record Tmdb(
            @NotNull URI apiUrl,
            String apiKey,
            String readToken,
            @NotNull URI imageUrl,
            @NotNull String posterSize,
            @NotNull String backdropSize,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @NotNull Duration searchTimeout,
            @NotNull Duration cacheTtl,
            @Min(1) long cacheEntries) {

        public boolean configured() {
            return hasText(apiKey) || hasText(readToken);
        }
    }

    /**
     * OMDb, for IMDb ratings.
     *
     * @param apiUrl its base address ({@code OMDB_API_URL})
     * @param apiKey its key ({@code OMDB_API_KEY}); without it ratings are TMDB's, labelled as such
     * @param timeout how long one call may take
     * @param callsPerRun how many titles one refresh asks about (the free tier allows 1,000 calls a day)
     * @param refreshAfter how old a stored IMDb rating is before it is asked again
     */
    public record Omdb(
            @NotNull URI apiUrl,
            String apiKey,
            @NotNull Duration timeout,
            @Min(0) @Max(1000) int callsPerRun,
            @NotNull Duration refreshAfter) {

        public boolean configured() {
            return hasText(apiKey);
        }
    }

    /**
     * The background refresh of the catalog.
     *
     * @param enabled whether it runs at all (tests drive it by hand)
     * @param listInterval how often trending and popular lists are read
     * @param listPages how many pages of each list a refresh reads
     * @param detailsInterval how often stale titles are refreshed
     * @param detailsPerRun how many titles one details refresh updates
     * @param staleAfter how old a title's details are before they are read again
     * @param ratingsInterval how often IMDb ratings are refreshed from OMDb
     */
    public record Sync(
            boolean enabled,
            @NotNull Duration listInterval,
            @Min(1) @Max(500) int listPages,
            @NotNull Duration detailsInterval,
            @Min(1) int detailsPerRun,
            @NotNull Duration staleAfter,
            @NotNull Duration ratingsInterval) {}

    /**
     * source-service, asked for a title's ranked sources with the user's own token.
     *
     * @param url its address ({@code SOURCE_SERVICE_URL})
     * @param timeout how long a title page waits for it (its providers have 3 s)
     */
    public record Sources(@NotNull URI url, @NotNull Duration timeout) {}

    /** @param maxLength the longest comment, in characters */
    public record Comments(@Min(1) @Max(2000) int maxLength) {}

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
