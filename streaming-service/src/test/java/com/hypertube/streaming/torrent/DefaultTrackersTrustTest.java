package com.hypertube.streaming.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.session.TorrentClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's tracker rules with the default settings (no private addresses): a default tracker on loopback,
 * the administrator's choice, is announced to; another loopback tracker a magnet names is refused.
 */
@Tag("security")
class DefaultTrackersTrustTest {

    private static final byte[] ANSWER = "d8:intervali900e5:peers0:e".getBytes(StandardCharsets.US_ASCII);

    private final List<HttpServer> trackers = new ArrayList<>();

    @AfterEach
    void stop() {
        trackers.forEach(tracker -> tracker.stop(0));
    }

    @Test
    void theAdministratorsDefaultTrackerIsTrustedAndNoOtherLoopbackTracker() throws Exception {
        AtomicInteger strangerAnnounces = new AtomicInteger();
        AtomicInteger defaultAnnounces = new AtomicInteger();
        URI stranger = tracker(strangerAnnounces);
        URI byDefault = tracker(defaultAnnounces);
        Duration second = Duration.ofSeconds(1);
        var torrent =
                new StreamingProperties.Torrent(0, second, second, second, 10, second, second, 0, false, List.of());
        var sources = new StreamingProperties.Sources(URI.create("http://127.0.0.1:9"), second, List.of(byDefault));
        // The stranger's tracker first: tried, and refused, before the default one answers.
        MagnetLink magnet = MagnetLink.parse("magnet:?xt=urn:btih:" + "cd".repeat(20)
                + "&tr=" + URLEncoder.encode(stranger.toString(), StandardCharsets.UTF_8)
                + "&tr=" + URLEncoder.encode(byDefault.toString(), StandardCharsets.UTF_8));

        try (TorrentClient client = TorrentEngine.trackerRules(
                        TorrentClient.builder().port(-1).inMemoryStorage(), torrent, sources)
                .build()) {
            client.add(magnet);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(defaultAnnounces).hasPositiveValue());
            assertThat(strangerAnnounces).as("refused without a request").hasValue(0);
        }
    }

    /** An HTTP tracker on 127.0.0.1 counting its announces. */
    private URI tracker(AtomicInteger announces) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        trackers.add(server);
        server.createContext("/announce", exchange -> {
            announces.incrementAndGet();
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/announce");
    }
}
