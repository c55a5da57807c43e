package com.hypertube.torrent.interop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * transmission-daemon (Debian package transmission-daemon) as a test peer on 127.0.0.1, driven over its RPC,
 * with a config directory of its own. DHT, LSD, PEX, uTP and port mapping are off; encryption is tolerated,
 * not preferred (we do not speak MSE). Transmission never dials a loopback address: it is reached by being
 * dialled (it learns of nobody that way, but we learn of it through a tracker or by its port).
 */
final class TransmissionDaemon implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/transmission-daemon");
    private static final Pattern PERCENT_DONE = Pattern.compile("\"percentDone\":([0-9.eE+-]+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");
    private static final int SEEDING = 6;

    private final ExternalPeer process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI rpc;
    private final int peerPort;
    private String sessionId = "";

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    private TransmissionDaemon(Path home) throws IOException, InterruptedException {
        Path config = Files.createDirectories(home.resolve("config"));
        Path downloads = Files.createDirectories(home.resolve("downloads"));
        int rpcPort = freePort();
        peerPort = freePort();
        Files.writeString(config.resolve("settings.json"), """
                {"dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
                 "port-forwarding-enabled": false, "blocklist-enabled": false, "encryption": 0,
                 "rpc-enabled": true, "rpc-bind-address": "127.0.0.1", "rpc-port": %d,
                 "rpc-authentication-required": false, "rpc-whitelist-enabled": false,
                 "rpc-host-whitelist-enabled": false,
                 "peer-port": %d, "peer-port-random-on-start": false,
                 "bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
                 "download-dir": "%s", "incomplete-dir-enabled": false, "watch-dir-enabled": false,
                 "start-added-torrents": true, "ratio-limit-enabled": false, "idle-seeding-limit-enabled": false,
                 "speed-limit-down-enabled": false, "speed-limit-up-enabled": false, "alt-speed-enabled": false,
                 "message-level": 2}
                """.formatted(rpcPort, peerPort, downloads));
        rpc = URI.create("http://127.0.0.1:" + rpcPort + "/transmission/rpc");
        process = ExternalPeer.start(List.of(BINARY.toString(), "-f", "-g", config.toString()));
        awaitRpc(Duration.ofSeconds(15));
    }

    /** Starts a daemon whose files (config, downloads) are under {@code home}. */
    static TransmissionDaemon start(Path home) throws IOException, InterruptedException {
        return new TransmissionDaemon(home);
    }

    int peerPort() {
        return peerPort;
    }

    /** Adds a .torrent whose data is (or goes) under {@code directory}; returns the info hash, hex. */
    String addTorrent(byte[] torrent, Path directory) throws IOException, InterruptedException {
        return add("\"metainfo\":\"" + Base64.getEncoder().encodeToString(torrent) + "\"", directory);
    }

    String addMagnet(String magnet, Path directory) throws IOException, InterruptedException {
        return add("\"filename\":\"" + magnet + "\"", directory);
    }

    private String add(String source, Path directory) throws IOException, InterruptedException {
        String answer = call("{\"method\":\"torrent-add\",\"arguments\":{" + source + ",\"download-dir\":\"" + directory
                + "\",\"paused\":false}}");
        Matcher hash = Pattern.compile("\"hashString\":\"([0-9a-f]{40})\"").matcher(answer);
        if (!hash.find()) {
            throw new AssertionError("transmission did not add the torrent: " + answer);
        }
        return hash.group(1);
    }

    /** Waits until the torrent is complete and seeding (its data checked, or downloaded). */
    void awaitSeeding(String hash, Duration timeout) throws IOException, InterruptedException {
        AtomicReference<String> answer = new AtomicReference<>("");
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        answer.set(call("{\"method\":\"torrent-get\",\"arguments\":{\"ids\":[\"" + hash
                                + "\"],\"fields\":[\"percentDone\",\"status\",\"errorString\"]}}"));
                        Matcher done = PERCENT_DONE.matcher(answer.get());
                        Matcher status = STATUS.matcher(answer.get());
                        return done.find()
                                && Double.parseDouble(done.group(1)) >= 1.0
                                && status.find()
                                && Integer.parseInt(status.group(1)) == SEEDING;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("transmission not seeding within " + timeout + ": " + answer.get() + "\n"
                    + String.join("\n", process.lines()));
        }
    }

    // Transmission answers 409 with a session id to send back (its CSRF defence), then the call.
    private String call(String body) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(rpc)
                            .timeout(Duration.ofSeconds(5))
                            .header("X-Transmission-Session-Id", sessionId)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                sessionId = response.headers()
                        .firstValue("X-Transmission-Session-Id")
                        .orElse("");
                continue;
            }
            if (response.statusCode() != 200 || !response.body().contains("\"result\":\"success\"")) {
                throw new IOException("transmission RPC " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
        throw new IOException("transmission kept refusing the session id");
    }

    private void awaitRpc(Duration timeout) throws InterruptedException, IOException {
        AtomicReference<IOException> last = new AtomicReference<>();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        try {
                            call("{\"method\":\"session-get\"}");
                            return true;
                        } catch (IOException e) {
                            last.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IOException(
                    "transmission's RPC did not answer within " + timeout + ": " + String.join("\n", process.lines()),
                    last.get());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
