package com.hypertube.torrent.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A BitTorrent client no one here wrote, run as a process; its output lines are kept for the test. */
public final class ExternalPeer implements AutoCloseable {

    static final Path LT_PEER = Path.of("src/test/python/lt_peer.py");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ExternalPeer(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static ExternalPeer start(List<String> command) throws IOException {
        return new ExternalPeer(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** libtorrent through its Python binding, which imports with the system's python3. */
    public static ExternalPeer libtorrent(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", LT_PEER.toString()));
        command.addAll(List.of(arguments));
        return start(command);
    }

    /** Waits for a line matching, up to the timeout; fails with what the process said otherwise. */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            for (String line : lines) {
                if (matching.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && lines.stream().noneMatch(matching)) {
                Thread.sleep(100);
                if (lines.stream().noneMatch(matching)) {
                    throw new AssertionError(
                            "the peer exited " + process.exitValue() + ": " + String.join("\n", lines));
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line within " + timeout + ": " + String.join("\n", lines));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ": " + String.join("\n", lines));
        }
        return process.exitValue();
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
