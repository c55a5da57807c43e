package com.hypertube.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the source service, bound from {@code hypertube.source.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 * @param queryTimeout how long one search waits for the providers; what has not answered by then is left out
 * @param yts the YTS API (films)
 * @param eztv the EZTV API (episodes)
 * @param torznab Torznab indexers (Jackett, Prowlarr...), films and episodes
 * @param localDir a folder of .torrent files offered as sources ({@code SOURCES_LOCAL_DIR}); empty is off
 * @param swarmHealth how the stored sources' swarms are counted again
 * @param backgroundSearch how the titles already asked for are searched again, out of any user's way
 */
@Validated
@ConfigurationProperties("hypertube.source")
public record SourceProperties(
        @NotNull URI publicUrl,
        @NotNull Duration queryTimeout,
        @Valid @NotNull Yts yts,
        @Valid @NotNull Eztv eztv,
        @Valid @NotNull Torznab torznab,
        String localDir,
        @Valid @NotNull SwarmHealth swarmHealth,
        @Valid @NotNull BackgroundSearch backgroundSearch) {

    /**
     * The periodic scrape of the stored sources' trackers, on one instance at a time.
     *
     * @param interval time between two rounds ({@code SWARM_HEALTH_INTERVAL})
     * @param sourcesPerRound the most sources one round counts, those scraped longest ago first
     * @param allowedTrackerBlocks address blocks a tracker may be in besides public addresses (a LAN tracker,
     *     tests' loopback); empty: public trackers only
     * @param lockAtLeastFor how long a round keeps its lock even when done sooner: a little under the interval,
     *     so that with several instances the rounds stay about an interval apart, whichever runs them
     * @param lockAtMostFor when the lock of a round whose instance died is given up
     */
    public record SwarmHealth(
            @NotNull Duration interval,
            @Min(1) int sourcesPerRound,
            @NotNull List<String> allowedTrackerBlocks,
            @NotNull Duration lockAtLeastFor,
            @NotNull Duration lockAtMostFor) {}

    /**
     * Seed 002's background search: a few titles a round, each searched again by every provider (within its
     * own call rate), so a title's sources are ready and fresh before anyone opens it.
     *
     * @param interval time between two rounds
     * @param titlesPerRound the most titles one round searches: the titles never searched first, then those
     *     searched longest ago
     * @param staleAfter how old a title's last search may be before the background searches it again
     * @param pause the wait between two titles of a round, which leaves the providers' call rates to users
     * @param lockAtLeastFor as the swarm health's: a little under the interval
     * @param lockAtMostFor when the lock of a round whose instance died is given up
     */
    public record BackgroundSearch(
            @NotNull Duration interval,
            @Min(1) int titlesPerRound,
            @NotNull Duration staleAfter,
            @NotNull Duration pause,
            @NotNull Duration lockAtLeastFor,
            @NotNull Duration lockAtMostFor) {}

    /**
     * How one provider is called: its timeouts and its own call rate.
     *
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for an answer
     * @param callsPerSecond the most calls it gets in a second, over all the searches running at once
     * @param permitWait how long a search waits for its turn; past that the provider is skipped for that search
     */
    public record Limits(
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @Min(1) int callsPerSecond,
            @NotNull Duration permitWait) {}

    /**
     * YTS API v2.
     *
     * @param apiUrls its mirrors, tried in turn ({@code YTS_API_URLS}, comma-separated)
     * @param trackers the announce URLs put in the magnets built from YTS's hashes
     */
    public record Yts(
            @NotEmpty List<@NotNull URI> apiUrls,
            @NotNull List<String> trackers,
            @Valid @NotNull Limits limits) {}

    /**
     * EZTV's API.
     *
     * @param apiUrl its base address ({@code EZTV_API_URL})
     */
    public record Eztv(@NotNull URI apiUrl, @Valid @NotNull Limits limits) {}

    /**
     * Torznab indexers, each with its own circuit breaker and call rate (from {@code limits}).
     *
     * @param indexers {@code TORZNAB_INDEXERS}: {@code name|url|api-key}, indexers separated by commas (the way
     *     Spring Boot reads every list from one variable, as {@code YTS_API_URLS}); or a YAML list of objects
     * @param capsTtl how long an indexer's capabilities ({@code t=caps}) are reused
     */
    public record Torznab(
            @NotNull List<@Valid Indexer> indexers,
            @NotNull Duration capsTtl,
            @Valid @NotNull Limits limits) {}

    /**
     * One Torznab indexer.
     *
     * @param url its Torznab endpoint, queried as given with {@code t=...} added, e.g. Jackett's
     *     {@code http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/api}
     * @param apiKey its key; may be empty for an indexer that asks for none
     */
    public record Indexer(@NotBlank String name, @NotNull URI url, String apiKey) {

        /**
         * One indexer written {@code name|url|api-key}, the form {@code TORZNAB_INDEXERS} takes (Spring's
         * conversion finds this method by its name). The message never repeats the text: it holds a key.
         */
        public static Indexer valueOf(String spec) {
            String[] parts = spec.strip().split("\\|", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("A Torznab indexer is written name|url|api-key");
            }
            URI url;
            try {
                url = URI.create(parts[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The Torznab indexer '" + parts[0].strip() + "' has a bad URL");
            }
            return new Indexer(parts[0].strip(), url, parts.length == 3 ? parts[2].strip() : "");
        }

        /** Without the key: an indexer is logged and shown in errors. */
        @Override
        public String toString() {
            return "Indexer[" + name + " " + url + "]";
        }
    }
}
