package com.hypertube.streaming.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One file played one way (say, torrent X's file 0 as a transcode): the ffmpeg runs that wrote its segments,
 * at most one running. A request for a segment some run wrote is answered at once; one the running ffmpeg will
 * write soon ({@link PlaybackMethod#waitAheadSeconds}) waits for it; one further ahead or behind starts a new run
 * there (a seek). Earlier runs' segments stay (the last few runs): they carry the film's own timestamps, so they
 * fit the same timeline.
 */
final class HlsSession {

    private static final Logger log = LoggerFactory.getLogger(HlsSession.class);

    private static final int RUNS_KEPT = 3;

    /** The ffmpeg arguments of a run from a segment of our playlist on, writing into a folder. */
    interface Command {
        List<String> from(int firstSegment, Path folder);
    }

    /** Starts ffmpeg (through {@link Ffmpeg#startLive}). */
    interface Starter {
        Process start(List<String> command, Path errorLog) throws IOException;
    }

    private final String key;
    private final Path folder;
    private final int segmentSeconds;
    private final double waitAheadSeconds;
    private final Command command;
    private final Starter starter;
    private final List<HlsRun> runs = new ArrayList<>();
    private int runsStarted;
    private boolean paused;
    private volatile Instant lastRequest;
    private volatile int lastAsked;

    HlsSession(
            String key,
            Path folder,
            int segmentSeconds,
            double waitAheadSeconds,
            Command command,
            Starter starter,
            Instant now) {
        this.key = key;
        this.folder = folder;
        this.segmentSeconds = segmentSeconds;
        this.waitAheadSeconds = waitAheadSeconds;
        this.command = command;
        this.starter = starter;
        this.lastRequest = now;
    }

    String key() {
        return key;
    }

    Path folder() {
        return folder;
    }

    Instant lastRequest() {
        return lastRequest;
    }

    /** The file of the segment of our playlist numbered so, if a run wrote it. */
    synchronized Optional<Path> find(int number) throws IOException {
        double seconds = (double) number * segmentSeconds;
        for (HlsRun run : runs.reversed()) {
            Optional<Path> file = run.covering(seconds);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The init segment (every run writes the same one), once a run has written it. */
    synchronized Optional<Path> init() {
        return runs.reversed().stream().map(HlsRun::init).filter(Files::exists).findFirst();
    }

    /**
     * Makes sure segment {@code number} exists or is being written: nothing when a run wrote it, nothing when the
     * running ffmpeg is about to write it, else a new run there.
     *
     * @return whether an ffmpeg was started
     */
    synchronized boolean want(int number, Instant now) throws IOException {
        lastRequest = now;
        lastAsked = number;
        if (find(number).isPresent()) {
            resume();
            return false;
        }
        HlsRun current = runs.isEmpty() ? null : runs.getLast();
        if (current != null && !current.isRunning() && !endedWell(current) && current.firstSegment() == number) {
            return false; // it failed right here: the waiter reports why, rather than failing again and again
        }
        double seconds = (double) number * segmentSeconds;
        if (current != null && current.willReach(seconds, waitAheadSeconds + HlsRun.TOLERANCE_SECONDS)) {
            resume();
            return false;
        }
        stop();
        Path runFolder = Files.createDirectories(folder.resolve("run-" + runsStarted++));
        Process process = starter.start(command.from(number, runFolder), runFolder.resolve("ffmpeg.log"));
        runs.add(new HlsRun(runFolder, process, number, seconds));
        while (runs.size() > RUNS_KEPT) {
            FileSystemUtils.deleteRecursively(runs.removeFirst().folder());
        }
        log.debug("HLS {}: ffmpeg started at segment {} (pid {})", key, number, process.pid());
        return true;
    }

    /** How many ffmpeg runs this session started (each start after the first is a seek). */
    synchronized int runsStarted() {
        return runsStarted;
    }

    synchronized boolean isRunning() {
        return !runs.isEmpty() && runs.getLast().isRunning();
    }

    /** Whether the last run ended by itself at the end of the file. */
    synchronized boolean endedWell() {
        return !runs.isEmpty() && endedWell(runs.getLast());
    }

    private static boolean endedWell(HlsRun run) {
        return !run.isRunning() && run.process().exitValue() == 0;
    }

    /** Why the last run ended without writing what was asked: the last line of its errors, or its exit code. */
    synchronized String failure() {
        if (runs.isEmpty() || runs.getLast().isRunning()) {
            return "";
        }
        HlsRun run = runs.getLast();
        try {
            List<String> lines = Files.readAllLines(run.folder().resolve("ffmpeg.log"));
            String last = lines.isEmpty() ? "" : lines.getLast().strip();
            return last.isEmpty() ? "ffmpeg exited with code " + run.process().exitValue() : last;
        } catch (IOException e) {
            return "ffmpeg exited with code " + run.process().exitValue();
        }
    }

    /**
     * Pauses a running ffmpeg far ahead of its viewer (SIGSTOP), so that a film is not converted to its end while
     * nobody watches; the next request resumes it.
     */
    synchronized void throttle(double aheadLimitSeconds) throws IOException {
        if (!isRunning() || paused) {
            return;
        }
        double asked = (double) lastAsked * segmentSeconds;
        if (runs.getLast().writtenUntil() - asked > aheadLimitSeconds) {
            paused = signal("STOP");
        }
    }

    synchronized boolean isPaused() {
        return paused;
    }

    private void resume() {
        if (paused && isRunning()) {
            signal("CONT");
        }
        paused = false;
    }

    private boolean signal(String signal) {
        try {
            Process kill = new ProcessBuilder(
                            "kill",
                            "-" + signal,
                            String.valueOf(runs.getLast().process().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the running ffmpeg, if any, at once (SIGKILL: a seek must not wait for it to finish its buffered
     * frames). The segments it finished stay; the one it was writing was a temporary file, never listed.
     */
    synchronized void stop() {
        if (isRunning()) {
            Process process = runs.getLast().process();
            process.destroyForcibly();
            try {
                process.waitFor(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        paused = false;
    }
}
