package com.hypertube.streaming.playback;

import com.hypertube.streaming.storage.DownloadRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The live HLS sessions: at most {@code maxLiveProcesses} ffmpeg at once (the least recently asked idle one
 * makes room), each stopped once nobody asked it for a segment for {@code idleStop}, and paused while far ahead
 * of its viewer. Segments live under {@code .hls} in the download root while their session does.
 */
@Component
public class HlsSessions implements DisposableBean {

    /** A viewer this recent is watching: their ffmpeg is not taken for someone else. */
    private static final Duration IN_USE = Duration.ofSeconds(15);

    /** A live ffmpeg more than this far past its viewer's last request is paused. */
    private static final double AHEAD_LIMIT_SECONDS = 120;

    private final Ffmpeg ffmpeg;
    private final PlaybackProperties settings;
    private final InstantSource clock;
    private final Path root;
    private final Map<String, HlsSession> sessions = new ConcurrentHashMap<>();

    HlsSessions(Ffmpeg ffmpeg, PlaybackProperties settings, InstantSource clock, DownloadRoot downloadRoot) {
        this.ffmpeg = ffmpeg;
        this.settings = settings;
        this.clock = clock;
        this.root = downloadRoot.path().resolve(".hls");
        FileSystemUtils.deleteRecursively(root.toFile()); // a previous run's segments have no session any more
    }

    /**
     * The file of segment {@code number} of a session once ffmpeg has written it, waiting up to
     * {@code segmentTimeout}.
     *
     * @param key names the file and the method: {@code {infoHash}-{fileIndex}-{method}}
     * @param command the ffmpeg arguments of a run from a given segment on
     * @throws org.springframework.web.ErrorResponseException when ffmpeg failed, there is no room for another,
     *     or it was too slow
     */
    public Path segment(String key, int number, PlaybackMethod method, HlsSession.Command command) throws IOException {
        HlsSession session = sessions.computeIfAbsent(
                key,
                k -> new HlsSession(
                        k,
                        root.resolve(k),
                        settings.segmentSeconds(),
                        method.waitAheadSeconds(),
                        command,
                        ffmpeg::startLive,
                        clock.instant()));
        synchronized (this) {
            if (!session.isRunning() && session.find(number).isEmpty()) {
                makeRoomFor(session);
            }
            session.want(number, clock.instant());
        }
        long deadline = System.nanoTime() + settings.segmentTimeout().toNanos();
        while (true) {
            Optional<Path> file = session.find(number);
            if (file.isPresent()) {
                return file.get();
            }
            if (!session.isRunning()) {
                throw session.endedWell()
                        ? PlaybackProblems.segmentMissing(number)
                        : PlaybackProblems.conversionFailed(session.failure());
            }
            awaitProgress(deadline);
        }
    }

    /**
     * The session's fMP4 init segment, once a run wrote it; a first request starts a run at {@code startSegment}
     * (where the player said it will start).
     */
    public Path init(String key, int startSegment, PlaybackMethod method, HlsSession.Command command)
            throws IOException {
        HlsSession session = sessions.get(key);
        Optional<Path> init = session == null ? Optional.empty() : session.init();
        if (init.isPresent()) {
            return init.get();
        }
        segment(key, startSegment, method, command);
        return sessions.get(key).init().orElseThrow(() -> PlaybackProblems.conversionFailed("no init segment"));
    }

    private void makeRoomFor(HlsSession newcomer) {
        List<HlsSession> running = sessions.values().stream()
                .filter(session -> session != newcomer && session.isRunning())
                .toList();
        if (running.size() < settings.maxLiveProcesses()) {
            return;
        }
        Instant now = clock.instant();
        running.stream()
                .filter(session -> session.lastRequest().plus(IN_USE).isBefore(now))
                .min(Comparator.comparing(HlsSession::lastRequest))
                .orElseThrow(() -> PlaybackProblems.convertersBusy(settings.maxLiveProcesses()))
                .stop();
    }

    @Scheduled(fixedDelayString = "${hypertube.playback.housekeeping-interval:5s}")
    void housekeeping() throws IOException {
        tidy(clock.instant());
    }

    /** Stops the sessions nobody asked anything of for {@code idleStop} (their segments go), pauses those far ahead. */
    void tidy(Instant now) throws IOException {
        for (HlsSession session : List.copyOf(sessions.values())) {
            if (session.lastRequest().plus(settings.idleStop()).isBefore(now)) {
                session.stop();
                sessions.remove(session.key(), session);
                FileSystemUtils.deleteRecursively(session.folder());
            } else {
                session.throttle(AHEAD_LIMIT_SECONDS);
            }
        }
    }

    /** How many ffmpeg are running now. */
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

    // ffmpeg says nothing when it finishes a segment; it lists it in its own playlist once the file is whole, so
    // looking is the signal. Runs on the request's virtual thread.
    private static void awaitProgress(long deadline) {
        if (System.nanoTime() > deadline) {
            throw PlaybackProblems.conversionSlow();
        }
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlaybackProblems.conversionSlow();
        }
    }
}
