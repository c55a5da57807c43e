package com.hypertube.streaming.subtitles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.streaming.subtitles.OpenSubtitlesClient.Candidate;
import com.hypertube.streaming.subtitles.OpenSubtitlesClient.Search;
import com.hypertube.web.cache.ClockTicker;
import com.hypertube.web.client.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * OpenSubtitles' subtitles for a video: found by the title's IMDb id (and season and episode) and by the file's
 * moviehash, in English and the viewer's languages, the best one or two of each listed as {@code os-<file id>};
 * one is downloaded the first time it is asked for, turned into WebVTT like the others and kept under the download
 * root, shared by every viewer. Off without an API key; a provider that fails only leaves its subtitles out of
 * the list.
 */
@Component
class OpenSubtitles {

    private static final Logger log = LoggerFactory.getLogger(OpenSubtitles.class);

    /** Remembered searches, hashes and offers at most; past it the memory starts over. */
    private static final int MAX_REMEMBERED = 10_000;

    /** How long the background read of a video's ends waits for their pieces. */
    private static final Duration HASH_READ_TIMEOUT = Duration.ofMinutes(2);

    /** Opens the video for reading, its pieces waited for at most {@code timeout}. */
    @FunctionalInterface
    interface VideoFile {
        SeekableByteChannel open(Duration timeout) throws IOException;
    }

    /** The title the video is of, as the player knows it; every part may be null. */
    record Title(String imdbId, Integer season, Integer episode) {}

    /** The id asked for was never offered for this file. */
    static final class UnknownSubtitleException extends RuntimeException {
        UnknownSubtitleException(String id) {
            super(id);
        }
    }

    private final OpenSubtitlesClient client;
    private final OpenSubtitlesProperties settings;
    private final DownloadRoot downloadRoot;
    private final InstantSource clock;
    // Each bounded (what a caller can make us hold), the searches for their time to live on the service's clock.
    private final Cache<Search, List<Candidate>> searches;
    private final Cache<String, CompletableFuture<String>> hashes =
            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();
    private final Cache<String, Boolean> offered =
            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();
    private final Cache<Long, Path> downloaded =
            Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();
    // One lock per file id while it is fetched; weak, so an id nobody waits on any more is forgotten.
    private final LoadingCache<Long, Object> locks =
            Caffeine.newBuilder().weakValues().build(id -> new Object());

    OpenSubtitles(
            OpenSubtitlesClient client,
            OpenSubtitlesProperties settings,
            DownloadRoot downloadRoot,
            InstantSource clock) {
        this.client = client;
        this.settings = settings;
        this.downloadRoot = downloadRoot;
        this.clock = clock;
        this.searches = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(settings.searchCacheTtl())
                .ticker(ClockTicker.of(clock))
                .build();
    }

    /** OpenSubtitles' best tracks for the video, in the languages' order; empty when off or failing. */
    List<SubtitleTrack> tracks(
            String infoHash, int fileIndex, String videoName, VideoFile video, Title title, List<String> languages) {
        if (!client.enabled()) {
            return List.of();
        }
        String moviehash = moviehash(infoHash, fileIndex, video);
        List<Candidate> found = new ArrayList<>();
        if (title.imdbId() != null) {
            found.addAll(search(new Search(title.imdbId(), title.season(), title.episode(), null, languages)));
        }
        if (moviehash != null) {
            found.addAll(search(new Search(null, null, null, moviehash, languages)));
        }
        List<SubtitleTrack> tracks = new ArrayList<>();
        for (Candidate candidate : OpenSubtitlesRanking.best(found, videoName, languages, settings.perLanguage())) {
            offered.put(infoHash + "/" + fileIndex + "/" + candidate.fileId(), true);
            String release = candidate.release().isBlank() ? candidate.fileName() : candidate.release();
            String label = Languages.name(candidate.language()) + " – OpenSubtitles"
                    + (release.isBlank() ? "" : ": " + release.strip());
            tracks.add(new SubtitleTrack(
                    "os-" + candidate.fileId(),
                    candidate.language(),
                    label,
                    "opensubtitles",
                    false,
                    false,
                    true,
                    true,
                    true));
        }
        return tracks;
    }

    /**
     * The WebVTT of an OpenSubtitles file offered for this video: downloaded once (the daily quota counts every
     * download), then read from the disk.
     *
     * @throws UnknownSubtitleException when it was never offered for this file
     * @throws OpenSubtitlesClient.QuotaExhaustedException when the day's downloads are spent
     * @throws ProviderException when OpenSubtitles did not answer
     */
    Path vtt(String infoHash, int fileIndex, long fileId) throws IOException {
        Path target = downloadRoot.subtitle(infoHash, fileIndex, "os-" + fileId);
        if (Files.exists(target)) {
            return target;
        }
        if (!client.enabled() || offered.getIfPresent(infoHash + "/" + fileIndex + "/" + fileId) == null) {
            throw new UnknownSubtitleException("os-" + fileId);
        }
        synchronized (locks.get(fileId)) {
            if (Files.exists(target)) {
                return target;
            }
            Path earlier = downloaded.getIfPresent(fileId);
            if (earlier != null && Files.exists(earlier)) {
                Files.createDirectories(target.getParent());
                Files.copy(earlier, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            }
            OpenSubtitlesClient.Download download = client.download(fileId);
            log.info("OpenSubtitles file {} downloaded, {} downloads left today", fileId, download.remaining());
            String text = SubtitleText.decode(client.fetch(download.link()));
            write(target, text);
            downloaded.put(fileId, target);
            return target;
        }
    }

    private List<Candidate> search(Search search) {
        List<Candidate> cached = searches.getIfPresent(search);
        if (cached != null) {
            return cached;
        }
        try {
            List<Candidate> candidates = client.search(search);
            searches.put(search, candidates);
            return candidates;
        } catch (ProviderException e) {
            log.info("OpenSubtitles search left out: {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * The file's moviehash, read once per file in the background: the list waits for it at most
     * {@code hashTimeout}, then goes without it (a later list finds it done); null under 128 KiB, or when the
     * file's ends could not be read (tried again by the next list).
     */
    private String moviehash(String infoHash, int fileIndex, VideoFile video) {
        String key = infoHash + "/" + fileIndex;
        CompletableFuture<String> hash = hashes.get(
                key,
                ignored -> CompletableFuture.supplyAsync(
                        () -> {
                            try (SeekableByteChannel channel = video.open(HASH_READ_TIMEOUT)) {
                                return MovieHash.of(channel).orElse("");
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        task -> Thread.ofVirtual().name("moviehash").start(task)));
        try {
            String known = hash.get(settings.hashTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return known.isEmpty() ? null : known;
        } catch (TimeoutException stillReading) {
            return null;
        } catch (ExecutionException e) {
            hashes.asMap().remove(key, hash);
            log.debug("No moviehash for {}: {}", key, e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void write(Path target, String subtitles) throws IOException {
        SrtCues.Parsed parsed = SrtCues.parse(subtitles);
        if (parsed.cues().isEmpty()) {
            throw new IOException("no cue could be read");
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "partial", ".vtt");
        Files.writeString(partial, WebVtt.write(parsed.cues()), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
