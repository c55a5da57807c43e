package com.hypertube.streaming.subtitles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hypertube.streaming.playback.LoopbackFiles;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.stream.Torrents;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.web.cache.ClockTicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The WebVTT of a video's own text track: made once from the whole file when it is all here; while it downloads,
 * as far as the downloaded start of the file goes. A track is spread over the whole film, so waiting for all of it
 * would keep subtitles from a viewer for as long as the download lasts; but the start is what a viewer watches
 * first, and a player asks again as the download grows ({@link SubtitleTrack#complete()}).
 *
 * <p>A track so far is made by one ffmpeg at a time (others asking meanwhile wait for it and take it), and made
 * again only once the downloaded start has grown and {@link #REMAKE_AFTER} has passed: ffmpeg reads the whole start
 * each time, so a film's viewers polling together cost one read of it every few seconds at most.
 */
@Component
class EmbeddedTracks {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTracks.class);

    static final Duration REMAKE_AFTER = Duration.ofSeconds(5);

    /** A track's WebVTT, and whether it is the whole track or as far as the download has got. */
    record Vtt(Path path, boolean complete) {}

    /** Nothing of the track can be read from what is downloaded yet: the whole file will do. */
    static final class NotReadableYetException extends IOException {
        NotReadableYetException(String message) {
            super(message);
        }
    }

    /** What a track's last WebVTT so far was made from. */
    private static final class SoFar {
        final ReentrantLock lock = new ReentrantLock();
        long headBytes;
        Instant madeAt = Instant.MIN;
        Path vtt;
    }

    private final Torrents torrents;
    private final CachedFiles cachedFiles;
    private final LoopbackFiles loopback;
    private final SubtitleFiles files;
    private final InstantSource clock;
    private final Cache<String, SoFar> soFar;

    EmbeddedTracks(
            Torrents torrents,
            CachedFiles cachedFiles,
            LoopbackFiles loopback,
            SubtitleFiles files,
            InstantSource clock) {
        this.torrents = torrents;
        this.cachedFiles = cachedFiles;
        this.loopback = loopback;
        this.files = files;
        this.clock = clock;
        this.soFar = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .ticker(ClockTicker.of(clock))
                .build();
    }

    /**
     * Track {@code streamIndex} of a video as WebVTT, whole or so far.
     *
     * @throws NotReadableYetException when nothing of the file is downloaded from its start, or what is does not
     *     tell (an MP4 whose index is at its end, say)
     */
    Vtt vtt(InfoHash hash, int fileIndex, int streamIndex) throws IOException {
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        Optional<Path> complete = cached.isPresent()
                ? Optional.of(cached.get().path())
                : torrents.running(hash).completedFile(fileIndex);
        if (complete.isPresent()) {
            Path whole = files.embedded(hash.hex(), fileIndex, streamIndex, complete.get());
            forgetSoFar(hash.hex(), fileIndex, streamIndex);
            return new Vtt(whole, true);
        }
        // Read only what is verified from the start: waiting for a piece would fetch the whole film first.
        TorrentHandle torrent = torrents.running(hash);
        long head = torrent.verifiedPrefix(fileIndex);
        if (head == 0) {
            throw new NotReadableYetException("nothing of the file is downloaded from its start yet");
        }
        try {
            return new Vtt(soFar(torrent, fileIndex, streamIndex, head), false);
        } catch (IOException unreadable) {
            log.info(
                    "Track {} of {}/{} not readable from its first {} bytes: {}",
                    streamIndex,
                    hash.hex(),
                    fileIndex,
                    head,
                    unreadable.getMessage());
            throw new NotReadableYetException(unreadable.getMessage());
        }
    }

    /** Once the whole track is made, its WebVTT so far is of no more use. */
    private void forgetSoFar(String hash, int fileIndex, int streamIndex) throws IOException {
        SoFar track = soFar.asMap().remove(key(hash, fileIndex, streamIndex));
        if (track != null && track.vtt != null) {
            Files.deleteIfExists(track.vtt);
        }
    }

    private static String key(String hash, int fileIndex, int streamIndex) {
        return hash + "/" + fileIndex + "/" + streamIndex;
    }

    private Path soFar(TorrentHandle torrent, int fileIndex, int streamIndex, long headBytes) throws IOException {
        String hash = torrent.infoHash().hex();
        SoFar track = soFar.get(key(hash, fileIndex, streamIndex), key -> new SoFar());
        track.lock.lock();
        try {
            Instant now = clock.instant();
            boolean fresh = track.vtt != null
                    && Files.exists(track.vtt)
                    && (track.headBytes >= headBytes || now.isBefore(track.madeAt.plus(REMAKE_AFTER)));
            if (!fresh) {
                track.vtt = files.embeddedSoFar(
                        hash, fileIndex, streamIndex, loopback.headOf(torrent, fileIndex, headBytes));
                track.headBytes = headBytes;
                track.madeAt = now;
            }
            return track.vtt;
        } finally {
            track.lock.unlock();
        }
    }
}
