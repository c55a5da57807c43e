package com.hypertube.streaming.playback;

import com.hypertube.streaming.storage.DownloadRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The live HLS sessions: at most {@code maxLiveProcesses} ffmpeg at once (the least recently asked idle one
 * makes room), each stopped once nobody asked it for a segment for {@code idleStop}, and paused while far
 * ahead of its viewer. Segments live under {@code .hls} in the download root while their session does.
 */
@Component
public class HlsSessions implements DisposableBean {

    /** A viewer this recent is watching: their ffmpeg is not taken for someone else. */
    private static final Duration IN_USE = Duration.ofSeconds(15);

    /** A live ffmpeg more than this many segments past its viewer's last request is paused. */
    private static final int AHEAD_LIMIT = 30;

    private final Ffmpeg ffmpeg;
    private final PlaybackProperties settings;
    private final InstantSource clock;
    private final Path root;
    private final Map<String, HlsSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastAsked = new ConcurrentHashMap<>();

    HlsSessions(Ffmpeg ffmpeg, PlaybackProperties settings, InstantSource clock, DownloadRoot downloadRoot) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
        this.clock = clock;
        this.root = downloadRoot.path().resolve(".hls");
        FileSystemUtils.deleteRecursively(root.toFile()); // a previous run's segments have no session any more
    }

    /**
     * The file segment {@code number} of a session once ffmpeg has written it, waiting up to
     * {@code segmentTimeout}.
     *
     * @param key names the file and the method: {@code {infoHash}-{fileIndex}-{method}}
     * @param commandFrom the ffmpeg arguments that start writing at a given segment
     * @throws org.springframework.web.ErrorResponseException when ffmpeg failed, there is no room for another,
     *     or it was too slow
     */
    public Path segment(String key, int number, IntFunction<List<String>> commandFrom) throws IOException {
        HlsSession session = sessions.computeIfAbsent(
                key, k -> new HlsSession(k, root.resolve(k), commandFrom, ffmpeg::startLive, clock.instant()));
        lastAsked.put(key, number);
        synchronized (this) {
            if (!session.isRunning() && !Files.exists(session.segment(number))) {
                makeRoomFor(session);
            }
            session.want(number, clock.instant());
        }
        return awaitFile(session, session.segment(number), number);
    }

    /** The session's fMP4 init segment, once the first media segment after a start exists. */
    public Path init(String key, IntFunction<List<String>> commandFrom) throws IOException {
        HlsSession session = sessions.get(key);
        if (session == null || !Files.exists(session.init())) {
            segment(key, Math.max(0, lastAsked.getOrDefault(key, 0)), commandFrom);
            session = sessions.get(key);
        }
        return awaitFile(session, session.init(), 0);
    }

    private Path awaitFile(HlsSession session, Path file, int number) {
        long deadline = System.nanoTime() + settings.segmentTimeout().toNanos();
        while (!Files.exists(file)) {
            if (!session.isRunning()) {
                if (Files.exists(file)) {
                    break;
                }
                throw session.endedWell()
                        ? PlaybackProblems.segmentMissing(number)
                        : PlaybackProblems.conversionFailed(session.failure());
            }
            if (System.nanoTime() > deadline) {
                throw PlaybackProblems.conversionSlow();
            }
            sleepBriefly();
        }
        return file;
    }

    private void makeRoomFor(HlsSession newcomer) {
        List<HlsSession> running = sessions.values().stream()
                .filter(session -> session != newcomer && session.isRunning())
                .toList();
        if (running.size() < settings.maxLiveProcesses()) {
            return;
        }
        Instant now = clock.instant();
        Optional<HlsSession> idlest = running.stream()
                .filter(session -> session.lastRequest().plus(IN_USE).isBefore(now))
                .min(Comparator.comparing(HlsSession::lastRequest));
        idlest.orElseThrow(() -> PlaybackProblems.convertersBusy(settings.maxLiveProcesses()))
                .stop();
    }

    /** Stops the sessions nobody asked anything of for {@code idleStop}, and pauses those far ahead. */
    @Scheduled(fixedDelayString = "${hypertube.playback.housekeeping-interval:5s}")
    void housekeeping() {
        tidy(clock.instant());
    }

    void tidy(Instant now) {
        for (HlsSession session : List.copyOf(sessions.values())) {
            if (session.lastRequest().plus(settings.idleStop()).isBefore(now)) {
                session.stop();
                sessions.remove(session.key(), session);
                lastAsked.remove(session.key());
                FileSystemUtils.deleteRecursively(session.folder().toFile());
            } else {
                session.throttle(AHEAD_LIMIT, lastAsked.getOrDefault(session.key(), 0));
            }
        }
    }

    /** Where a session's segments go. */
    Path folderOf(String key) {
        return root.resolve(key);
    }

    /** How many ffmpeg are running now (for the debug panel and the tests). */
    public long running() {
        return sessions.values().stream().filter(HlsSession::isRunning).count();
    }

    Optional<HlsSession> session(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public void destroy() {
        sessions.values().forEach(HlsSession::stop);
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ffmpeg says nothing when it finishes a segment; the temp_file flag makes a segment appear whole at once,
    // so looking for it is the signal. Runs on the request's virtual thread.
    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlaybackProblems.conversionSlow();
        }
    }
}
