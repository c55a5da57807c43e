package com.hypertube.streaming;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the streaming service, bound from {@code hypertube.streaming.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway); the OpenAPI description points there
 * @param downloadRoot the folder torrents are downloaded into; nothing is ever written outside it
 * @param messaging the RabbitMQ topology this service owns
 * @param torrent how the BitTorrent engine runs
 * @param cooldowns how long a torrent is refused after each kind of failure (for example {@code no-peers})
 * @param cleanup how the download folder is kept tidy
 * @param limits how many downloads may be under way
 * @param sources where a bare info hash's trackers come from
 */
@Validated
@ConfigurationProperties("hypertube.streaming")
public record StreamingProperties(
        @NotNull URI publicUrl,
        @NotNull Path downloadRoot,
        @Valid @NotNull Messaging messaging,
        @Valid @NotNull Torrent torrent,
        @NotNull Map<String, Duration> cooldowns,
        @Valid @NotNull Cleanup cleanup,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Sources sources) {

    /**
     * Trackers for a torrent given without any (a bare info hash, or a magnet without {@code tr=}): without them
     * it could never find a peer (the engine has no DHT yet).
     *
     * @param url source-service, which knows the trackers of the sources it found ({@code SOURCE_SERVICE_URL})
     * @param timeout how long pressing play waits for it
     * @param defaultTrackers trackers the administrator chose ({@code TORRENT_DEFAULT_TRACKERS}, comma-separated;
     *     empty by default, and in tests, which run offline). Being the administrator's choice, these exact
     *     announce URLs are reached whatever their address (a LAN tracker too); the tracker address rules hold
     *     for every other tracker.
     */
    public record Sources(@NotNull URI url, @NotNull Duration timeout, List<URI> defaultTrackers) {
        public Sources {
            defaultTrackers = defaultTrackers == null ? List.of() : List.copyOf(defaultTrackers);
        }
    }

    /**
     * @param activeDownloadsPerUser downloads under way one user may have asked for (0: no limit); joining a
     *     download under way never counts
     * @param activeDownloads downloads under way for everyone together (0: no limit)
     */
    public record Limits(
            @PositiveOrZero int activeDownloadsPerUser,
            @PositiveOrZero int activeDownloads) {}

    /**
     * @param exchange the topic exchange that jobs and events travel through
     * @param downloadQueue jobs for the download workers
     * @param conversionQueue jobs for the conversion workers
     */
    public record Messaging(
            @NotBlank String exchange,
            @NotBlank String downloadQueue,
            @NotBlank String conversionQueue) {}

    /**
     * @param idleTorrentAfter a complete torrent nobody streamed for this long stops seeding (files kept)
     * @param deleteUnwatchedAfter a file nobody streamed for this long is deleted
     * @param quotaBytes the most the downloads may take (0: no quota); the least recently watched go first
     * @param resumeFreeBytes a download paused by a full disk resumes once this much space is free again
     */
    public record Cleanup(
            @NotNull Duration idleTorrentAfter,
            @NotNull Duration deleteUnwatchedAfter,
            @PositiveOrZero long quotaBytes,
            @PositiveOrZero long resumeFreeBytes) {}

    /**
     * @param listenPort the port peers reach us on (0: any free one)
     * @param metadataTimeout how long a stream request waits for a magnet's metadata
     * @param readTimeout how long a stream request waits for the pieces it needs
     * @param progressInterval how often a download's progress is written to its job
     * @param readyToStreamPercent the progress from which a download job says it is ready to stream
     * @param noPeersTimeout a download that reached no peer for this long fails (and goes on cooldown)
     * @param stallTimeout a download that got no data for this long fails (it held a download slot otherwise)
     * @param uploadLimit the most bytes per second all torrents seed back together (0: no limit)
     * @param allowPrivateAddresses whether trackers may be on loopback, private or CGNAT addresses (a magnet's
     *     {@code tr=} is anyone's to write: off, the server never sends requests into its own network)
     * @param allowedTrackerNetworks CIDR blocks trackers may be in besides public addresses
     */
    public record Torrent(
            @PositiveOrZero @Max(65535) int listenPort,
            @NotNull Duration metadataTimeout,
            @NotNull Duration readTimeout,
            @NotNull Duration progressInterval,
            @PositiveOrZero @Max(100) int readyToStreamPercent,
            @NotNull Duration noPeersTimeout,
            @NotNull Duration stallTimeout,
            @PositiveOrZero long uploadLimit,
            boolean allowPrivateAddresses,
            List<String> allowedTrackerNetworks) {

        public Torrent {
            allowedTrackerNetworks = allowedTrackerNetworks == null ? List.of() : List.copyOf(allowedTrackerNetworks);
        }
    }
}
