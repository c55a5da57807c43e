package com.hypertube.torrent.interop;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** A BitTorrent client no one here wrote, run as a process; its output lines are kept for the test. */
public final class ExternalPeer implements AutoCloseable {

    static final Path LT_PEER = Path.of("src/test/python/lt_peer.py");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ExternalPeer(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
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
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> firstMatching(matching).isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching line within " + timeout + ": " + String.join("\n", lines));
        }
        if (firstMatching(matching).isEmpty()) {
            reader.join(Duration.ofMillis(100)); // the peer exited: its last lines may still be on their way
        }
        return firstMatching(matching)
                .orElseThrow(() ->
                        new AssertionError("the peer exited " + process.exitValue() + ": " + String.join("\n", lines)));
    }

    private Optional<String> firstMatching(Predicate<String> matching) {
        return lines.stream().filter(matching).findFirst();
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
