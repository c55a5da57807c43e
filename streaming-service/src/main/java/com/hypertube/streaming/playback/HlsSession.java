package com.hypertube.streaming.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file played one way (say, torrent X's file 0 as a transcode): a folder of segments and at most one
 * ffmpeg writing into it. A request for a segment that exists is answered at once; one the running ffmpeg
 * will write soon waits for it; one far ahead or behind restarts ffmpeg there (a seek).
 */
final class HlsSession {

    private static final Logger log = LoggerFactory.getLogger(HlsSession.class);

    /** A segment at most this far past the last one written is waited for rather than restarted at. */
    static final int LOOKAHEAD_SEGMENTS = 4;

    private final String key;
    private final Path folder;
    private final IntFunction<List<String>> commandFrom;
    private final Starter starter;
    private Process process;
    private int firstSegment;
    private boolean paused;
    private volatile Instant lastRequest;

    /** Starts ffmpeg (through {@link Ffmpeg#startLive}), so that tests and the registry see every start. */
    interface Starter {
        Process start(List<String> command, Path errorLog) throws IOException;
    }

    HlsSession(String key, Path folder, IntFunction<List<String>> commandFrom, Starter starter, Instant now) {
        this.key = key;
        this.folder = folder;
        this.commandFrom = commandFrom;
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

    Path segment(int number) {
        return folder.resolve(number + ".m4s");
    }

    Path init() {
        return folder.resolve("init.mp4");
    }

    /**
     * Makes sure segment {@code number} exists or is being written: nothing when it exists, nothing when the
     * running ffmpeg is about to write it, else ffmpeg (re)started at it.
     *
     * @return whether an ffmpeg was started
     */
    synchronized boolean want(int number, Instant now) throws IOException {
        lastRequest = now;
        if (Files.exists(segment(number)) && Files.exists(init())) {
            resume();
            return false;
        }
        if (process != null && !process.isAlive() && process.exitValue() != 0 && number == firstSegment) {
            return false; // it failed right here: the waiter reports why rather than failing again and again
        }
        if (isRunning() && number >= firstSegment && number <= nextToWrite() + LOOKAHEAD_SEGMENTS) {
            resume();
            return false;
        }
        stop();
        Files.createDirectories(folder);
        firstSegment = number;
        process = starter.start(commandFrom.apply(number), folder.resolve("ffmpeg.log"));
        log.debug("HLS {}: ffmpeg started at segment {} (pid {})", key, number, process.pid());
        return true;
    }

    /** The first segment the running ffmpeg has not written yet. */
    synchronized int nextToWrite() {
        int next = firstSegment;
        while (Files.exists(segment(next))) {
            next++;
        }
        return next;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Why ffmpeg ended without writing what was asked: the last line of its errors, or its exit code. */
    synchronized String failure() {
        if (process == null || process.isAlive()) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(folder.resolve("ffmpeg.log"));
            String last = lines.isEmpty() ? "" : lines.getLast().strip();
            return last.isEmpty() ? "ffmpeg exited with code " + process.exitValue() : last;
        } catch (IOException e) {
            return "ffmpeg exited with code " + process.exitValue();
        }
    }

    synchronized boolean endedWell() {
        return process != null && !process.isAlive() && process.exitValue() == 0;
    }

    /**
     * Pauses a running ffmpeg that is far ahead of the viewer (SIGSTOP), so that a film is not converted to
     * its end while nobody watches; the next request near its position resumes it.
     */
    synchronized void throttle(int aheadLimit, int lastAsked) {
        if (!isRunning() || paused || nextToWrite() - lastAsked <= aheadLimit) {
            return;
        }
        paused = signal("STOP");
    }

    private void resume() {
        if (paused && isRunning()) {
            signal("CONT");
        }
        paused = false;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    private boolean signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
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

    /** Stops ffmpeg (its segments stay, they are still right for a later request). */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            resume(); // a stopped process cannot handle SIGTERM until continued
            process.destroy();
            try {
                if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        paused = false;
    }
}
