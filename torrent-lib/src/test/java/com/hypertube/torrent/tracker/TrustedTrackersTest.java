package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.net.ForbiddenAddressException;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.tracker.http.HttpTracker;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trackers the operator chose (streaming-service's default trackers) are trusted whatever their address, one
 * announce URL at a time; trackers a magnet names keep the address rules.
 */
@org.junit.jupiter.api.Tag("security")
class TrustedTrackersTest {

    private static final byte[] ANSWER = "d8:intervali900e5:peers0:e".getBytes(StandardCharsets.US_ASCII);

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void aTrustedLoopbackTrackerIsAnnouncedToWhileAnUntrustedOneIsRefused() throws Exception {
        AtomicInteger untrustedAnnounces = new AtomicInteger();
        AtomicInteger trustedAnnounces = new AtomicInteger();
        URI untrusted = tracker(untrustedAnnounces);
        URI trusted = tracker(trustedAnnounces);
        // The untrusted one first: a magnet's trackers are tried in order, so it is tried, and refused, before.
        MagnetLink magnet = MagnetLink.parse("magnet:?xt=urn:btih:" + "ab".repeat(20)
                + "&tr=" + URLEncoder.encode(untrusted.toString(), StandardCharsets.UTF_8)
                + "&tr=" + URLEncoder.encode(trusted.toString(), StandardCharsets.UTF_8));

        try (TorrentClient client = TorrentClient.builder()
                .port(-1)
                .inMemoryStorage()
                .trackerAddresses(AddressPolicy.publicOnly()) // loopback is not allowed
                .trustedTrackers(Set.of(trusted))
                .build()) {
            client.add(magnet);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(trustedAnnounces).hasPositiveValue());
            assertThat(untrustedAnnounces).as("refused before any request").hasValue(0);
        }
    }

    @Test
    void trustGoesToTheNamedHostOnlyNotWhereItRedirects() throws Exception {
        // 127.0.0.2 is loopback as well (Linux answers the whole 127/8); only the tracker's own host is trusted.
        try (ServerSocket internal = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.2"))) {
            AtomicInteger asked = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            servers.add(server);
            server.createContext("/announce", exchange -> {
                asked.incrementAndGet();
                exchange.getResponseHeaders()
                        .add("Location", "http://127.0.0.2:" + internal.getLocalPort() + "/latest/meta-data");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/announce");

            AddressPolicy trusting = AddressPolicy.publicOnly().trustingHost("127.0.0.1");

            assertThatThrownBy(() -> new HttpTracker(url, trusting).announce(HttpTrackerTest.request()))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessageContaining("127.0.0.2 is a loopback address");
            assertThat(asked).as("the trusted tracker was asked").hasValue(1);
            internal.setSoTimeout(200);
            assertThatThrownBy(internal::accept).isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> trusting.resolve("localhost"))
                    .as("another name of the same machine is not trusted")
                    .isInstanceOf(ForbiddenAddressException.class);
        }
    }

    /** An HTTP tracker on 127.0.0.1 counting its announces. */
    private URI tracker(AtomicInteger announces) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servers.add(server);
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
