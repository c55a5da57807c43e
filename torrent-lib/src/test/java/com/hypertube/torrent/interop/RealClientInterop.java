package com.hypertube.torrent.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.session.TorrentClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the interop tests with a real client of someone else's (Transmission, qBittorrent) share: the client
 * skipped with a notice when it is not installed (CI installs it), an 8 MiB file to seed, our own clients on
 * 127.0.0.1 (trackers on loopback allowed), and everything a test started closed after it, last first.
 */
abstract class RealClientInterop {

    static final int SIZE = 8 * 1024 * 1024 + 4_321;

    @TempDir
    Path temp;

    final List<AutoCloseable> toClose = new ArrayList<>();
    byte[] content;
    Path seedFolder;

    /** Whether the other client's binary is here. */
    abstract boolean clientInstalled();

    /** The skip notice: what is missing and which package brings it. */
    abstract String missingClient();

    @BeforeEach
    void content() throws IOException {
        assumeTrue(clientInstalled(), missingClient());
        content = new byte[SIZE];
        new Random(SIZE).nextBytes(content);
        seedFolder = Files.createDirectories(temp.resolve("seed"));
        Files.write(seedFolder.resolve("film.mkv"), content);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    /** One of our clients, downloading into {@code downloadRoot}; closed after the test. */
    TorrentClient client(Path downloadRoot) throws IOException {
        return track(TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .trackerAddresses(AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .downloadRoot(downloadRoot)
                .build());
    }

    <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
