package com.hypertube.torrent.interop;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * qbittorrent-nox (Debian package qbittorrent-nox; libtorrent-rasterbar underneath) as a test peer, driven over
 * its Web API v2 on 127.0.0.1, with a profile directory of its own. It listens for peers on an address of its
 * own, 127.0.0.2, TCP only (127.0.0.1 works as well, with several connections per IP allowed; a distinct
 * address keeps its peers and ours apart). DHT, LSD, PEX, port mapping and the geolocation lookup are off.
 * Encryption is allowed, not required, as it is by default: we do not speak MSE, so when it dials us its
 * first, encrypted attempt is dropped and it dials again in plain a second later. Unlike Transmission it dials
 * loopback peers, so it is told of ours by {@code torrents/addPeers} or a magnet's {@code x.pe}.
 */
final class QBittorrentNox implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/qbittorrent-nox");
    /** The address it listens on for peers: loopback, but not ours (we bind 127.0.0.1). */
    static final String PEER_HOST = "127.0.0.2";

    private static final Pattern PROGRESS = Pattern.compile("\"progress\":([0-9.eE+-]+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Za-z]+)\"");
    private static final Set<String> COMPLETE = Set.of("uploading", "stalledUP", "forcedUP", "queuedUP");

    private final Path profile;
    private final ExternalPeer process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI api;
    private final int peerPort;

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    private QBittorrentNox(Path home) throws IOException, InterruptedException {
        profile = Files.createDirectories(home.resolve("profile"));
        Path config = Files.createDirectories(profile.resolve("qBittorrent/config"));
        Path downloads = Files.createDirectories(home.resolve("downloads"));
        int webPort = TransmissionDaemon.freePort();
        peerPort = TransmissionDaemon.freePort();
        // Keys as qBittorrent 4.5 reads them (strings -el /usr/bin/qbittorrent-nox | grep Session/). BTProtocol is
        // stored by name; Encryption 0 = allow (plain accepted; its outgoing tries MSE first, then plain), 1 =
        // require, 2 = disable. On 127.0.0.2 it logs a critical "Failed to find the configured network address"
        // (the address is not lo's), then listens there all the same.
        Files.writeString(config.resolve("qBittorrent.conf"), """
                [LegalNotice]
                Accepted=true

                [BitTorrent]
                Session\\DHTEnabled=false
                Session\\LSDEnabled=false
                Session\\PeXEnabled=false
                Session\\AnonymousModeEnabled=false
                Session\\Encryption=0
                Session\\BTProtocol=TCP
                Session\\Port=%2$d
                Session\\UseRandomPort=false
                Session\\InterfaceAddress=%3$s
                Session\\MultiConnectionsPerIp=true
                Session\\IgnoreLimitsOnLAN=true
                Session\\QueueingSystemEnabled=false
                Session\\AddTorrentPaused=false
                Session\\DefaultSavePath=%4$s
                Session\\DisableAutoTMMByDefault=true

                [Network]
                PortForwardingEnabled=false

                [Preferences]
                WebUI\\Port=%1$d
                WebUI\\Address=127.0.0.1
                WebUI\\LocalHostAuth=false
                WebUI\\CSRFProtection=false
                WebUI\\HostHeaderValidation=false
                WebUI\\UseUPnP=false
                Connection\\PortRangeMin=%2$d
                Connection\\UPnP=false
                Connection\\ResolvePeerCountries=false
                """.formatted(webPort, peerPort, PEER_HOST, downloads));
        api = URI.create("http://127.0.0.1:" + webPort + "/api/v2/");
        process = ExternalPeer.start(List.of(BINARY.toString(), "--profile=" + profile, "--webui-port=" + webPort));
        awaitApi(Duration.ofSeconds(15));
    }

    /** Starts a qBittorrent whose files (profile, default downloads) are under {@code home}. */
    static QBittorrentNox start(Path home) throws IOException, InterruptedException {
        return new QBittorrentNox(home);
    }

    int peerPort() {
        return peerPort;
    }

    /**
     * Adds a .torrent whose data is (or goes) under {@code directory}, started. Data already there is checked
     * (libtorrent hashes it against our pieces), not taken on trust.
     */
    void addTorrent(byte[] torrent, Path directory) throws IOException, InterruptedException {
        add(new Part("torrents", "upload.torrent", torrent), directory);
    }

    void addMagnet(String magnet, Path directory) throws IOException, InterruptedException {
        add(new Part("urls", null, magnet.getBytes(StandardCharsets.UTF_8)), directory);
    }

    private void add(Part source, Path directory) throws IOException, InterruptedException {
        String answer = multipart(
                "torrents/add",
                List.of(
                        source,
                        Part.field("savepath", directory.toString()),
                        Part.field("paused", "false"),
                        Part.field("autoTMM", "false")));
        if (!answer.startsWith("Ok")) {
            throw new AssertionError("qBittorrent did not add the torrent: " + answer + "\n" + log());
        }
    }

    /** Tells it of a peer to dial for the torrent (hex info hash), as {@code host:port}. */
    void addPeer(String hash, String peer) throws IOException, InterruptedException {
        // torrents/add answers before the torrent is loaded, and addPeers for a torrent not loaded yet is dropped
        // without a word (seen here: the peer list stayed empty for the whole bound): wait until it is known.
        await().atMost(Duration.ofSeconds(15))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> get("torrents/info?hashes=" + hash).contains(hash));
        post("torrents/addPeers", "hashes=" + hash + "&peers=" + URLEncoder.encode(peer, StandardCharsets.UTF_8));
    }

    /** Waits until the torrent is known, complete (checked, or downloaded) and seeding. */
    void awaitSeeding(String hash, Duration timeout) throws IOException, InterruptedException {
        AtomicReference<String> answer = new AtomicReference<>("");
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        answer.set(get("torrents/info?hashes=" + hash));
                        Matcher progress = PROGRESS.matcher(answer.get());
                        Matcher state = STATE.matcher(answer.get());
                        return progress.find()
                                && Double.parseDouble(progress.group(1)) >= 1.0
                                && state.find()
                                && COMPLETE.contains(state.group(1));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("qBittorrent not seeding within " + timeout + ": " + answer.get() + "\n"
                    + get("sync/torrentPeers?hash=" + hash) + "\n" + log());
        }
    }

    /** What it printed and its own log file, for a failure's message. */
    String log() {
        String file;
        try {
            file = Files.readString(profile.resolve("qBittorrent/data/logs/qbittorrent.log"));
        } catch (IOException e) {
            file = "(no log file: " + e + ")";
        }
        return String.join("\n", process.lines()) + "\n" + file;
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).GET());
    }

    private String post(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private String multipart(String path, List<Part> parts) throws IOException, InterruptedException {
        String boundary = "----hypertube" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                            + (part.filename() == null
                                    ? ""
                                    : "; filename=\"" + part.filename()
                                            + "\"\r\nContent-Type: application/x-bittorrent")
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("qBittorrent Web API " + response.request().uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private void awaitApi(Duration timeout) throws InterruptedException, IOException {
        AtomicReference<IOException> last = new AtomicReference<>();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        try {
                            get("app/version");
                            return true;
                        } catch (IOException e) {
                            last.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IOException("qBittorrent's Web API did not answer within " + timeout + ": " + log(), last.get());
        }
    }

    /** Asks it to shut down (it saves its state and says goodbye to peers), then ends the process regardless. */
    @Override
    public void close() throws InterruptedException {
        try {
            post("app/shutdown", "");
            process.awaitExit(Duration.ofSeconds(5));
        } catch (IOException | AssertionError e) {
            // not answering, or slow to go: ended below
        } finally {
            process.close();
        }
    }

    private record Part(String name, String filename, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
