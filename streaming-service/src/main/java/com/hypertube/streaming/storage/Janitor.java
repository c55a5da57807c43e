package com.hypertube.streaming.storage;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the disk tidy, once a minute: a complete torrent nobody streamed for a while stops its swarm
 * activity (its files stay, and it comes back when streamed); a file unwatched for long is deleted; over
 * the quota, the least recently watched files go first. A file being streamed is never touched.
 */
@Component
public class Janitor {

    private static final Logger log = LoggerFactory.getLogger(Janitor.class);

    private final TorrentEngine engine;
    private final WatchLog watchLog;
    private final Path root;
    private final DownloadRoot convertedCopies;
    private final StreamingProperties.Cleanup rules;
    private final InstantSource clock;

    Janitor(
            TorrentEngine engine,
            WatchLog watchLog,
            DownloadRoot downloadRoot,
            StreamingProperties properties,
            InstantSource clock) {
        this.engine = engine;
        this.watchLog = watchLog;
        this.root = downloadRoot.path();
        this.convertedCopies = downloadRoot;
        this.rules = properties.cleanup();
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${hypertube.streaming.cleanup.interval}",
            initialDelayString = "${hypertube.streaming.cleanup.interval}")
    void everyMinute() {
        cleanUp(clock.instant());
    }

    /** One clean-up pass as of {@code now}. */
    public void cleanUp(Instant now) {
        stopIdleTorrents(now);
        deleteUnwatchedFiles(now);
        enforceQuota(rules.quotaBytes());
    }

    private void stopIdleTorrents(Instant now) {
        for (TorrentHandle torrent : engine.torrents()) {
            Instant last = watchLog.lastWatched(torrent.infoHash().hex());
            boolean idle = last == null || last.isBefore(now.minus(rules.idleTorrentAfter()));
            if (idle
                    && torrent.state() == TorrentState.SEEDING
                    && torrent.readerWindows().isEmpty()) {
                stop(torrent, "idle since " + last);
            }
        }
    }

    private void deleteUnwatchedFiles(Instant now) {
        for (WatchedFile file : watchLog.leastRecentlyWatchedFirst()) {
            if (file.lastWatched().isBefore(now.minus(rules.deleteUnwatchedAfter()))) {
                delete(file, "unwatched since " + file.lastWatched());
            }
        }
    }

    /** Deletes the least recently watched files until the download root holds no more than the quota. */
    public void enforceQuota(long quotaBytes) {
        if (quotaBytes <= 0) {
            return;
        }
        List<WatchedFile> files = watchLog.leastRecentlyWatchedFirst();
        long used = files.stream().mapToLong(WatchedFile::size).sum();
        for (WatchedFile file : files) {
            if (used <= quotaBytes) {
                return;
            }
            if (delete(file, "over the disk quota")) {
                used -= file.size();
            }
        }
    }

    private boolean delete(WatchedFile file, String why) {
        Optional<TorrentHandle> running = engine.torrents().stream()
                .filter(torrent -> torrent.infoHash().hex().equals(file.infoHash()))
                .findFirst();
        if (running.isPresent() && !running.get().readerWindows().isEmpty()) {
            return false; // being streamed: never
        }
        Path folder = root.resolve(file.infoHash()).normalize(); // each torrent's files have a folder of their own
        Path path = folder.resolve(file.path()).normalize();
        if (!path.startsWith(root)) {
            log.error("Refusing to delete {}: outside the download root", path);
            return false;
        }
        running.ifPresent(torrent -> stop(torrent, "its file " + file.path() + " is deleted"));
        try {
            Files.deleteIfExists(path);
            // Its browser-ready copy, if the conversion queue made one, goes with it.
            Path copy = convertedCopies.convertedCopy(file.infoHash(), file.fileIndex());
            Files.deleteIfExists(copy);
            deleteEmptyFolders(copy.getParent(), copy.getParent());
            // And its subtitles, turned into WebVTT.
            Path subtitles = convertedCopies
                    .subtitle(file.infoHash(), file.fileIndex(), "x")
                    .getParent();
            if (Files.isDirectory(subtitles)) {
                try (var vtts = Files.newDirectoryStream(subtitles, file.fileIndex() + "-*.vtt")) {
                    for (Path vtt : vtts) {
                        Files.deleteIfExists(vtt);
                    }
                }
                deleteEmptyFolders(subtitles, subtitles);
            }
            deleteEmptyFolders(path.getParent(), folder);
            watchLog.forget(file.infoHash(), file.fileIndex());
            if (Files.notExists(folder)) {
                // Its last file gone: the saved .info must not outlive the data it describes.
                engine.forgetSaved(file.infoHash());
            }
            log.info("Deleted {} ({})", file.path(), why);
            return true;
        } catch (IOException e) {
            log.warn("Could not delete {}", path, e);
            return false;
        }
    }

    private void stop(TorrentHandle torrent, String why) {
        try {
            torrent.remove(false);
            log.info("Stopped torrent {}: {}", torrent.infoHash(), why);
        } catch (IOException e) {
            log.warn("Stopping torrent {} failed", torrent.infoHash(), e);
        }
    }

    /** The folders a deleted file leaves empty, up to and including its torrent's own. */
    private static void deleteEmptyFolders(Path from, Path upTo) {
        for (Path dir = from; dir != null && dir.startsWith(upTo); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (IOException notEmptyOrGone) {
                return;
            }
        }
    }
}
