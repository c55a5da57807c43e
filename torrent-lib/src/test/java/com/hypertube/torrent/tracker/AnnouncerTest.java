package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.time.TimeSource;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AnnouncerTest {

    private final List<PeerAddress> found = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    private final AnnounceTarget target = new AnnounceTarget() {
        @Override
        public InfoHash infoHash() {
            return HttpTrackerTest.HASH;
        }

        @Override
        public Progress progress() {
            return new Progress(10, 20, 30, false, false, false, false);
        }

        @Override
        public void addPeers(List<PeerAddress> peers) {
            found.addAll(peers);
        }
    };

    @Test
    void walksTheTiersUntilATrackerAnswersAndHonoursItsInterval() throws Exception {
        HttpServer tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = concat("d8:intervali3600e5:peers6:", HexFormat.of().parseHex("c00002011ae1"), "e");
        tracker.createContext("/announce", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tracker.start();
        URI dead = URI.create("http://127.0.0.1:" + closedPort() + "/announce");
        URI alive = URI.create("http://127.0.0.1:" + tracker.getAddress().getPort() + "/announce");
        try {
            Announcer announcer = new Announcer(
                    target,
                    List.of(List.of(dead), List.of(alive)),
                    HttpTrackerTest.PEER_ID,
                    () -> 6881,
                    TimeSource.SYSTEM,
                    AddressPolicy.allowAll());

            Duration wait = announcer.announceOnce(AnnounceRequest.Event.STARTED);

            assertThat(wait).isEqualTo(Duration.ofSeconds(3600));
            assertThat(found).containsExactly(new PeerAddress("192.0.2.1", 6881));
            assertThat(queries)
                    .singleElement()
                    .asString()
                    .contains("event=started")
                    .contains("uploaded=20")
                    .contains("downloaded=10")
                    .contains("left=30");
        } finally {
            tracker.stop(0);
        }
    }

    @Test
    void waitsAMinuteWhenEveryTrackerFails() throws Exception {
        Announcer announcer = new Announcer(
                target,
                List.of(List.of(URI.create("http://127.0.0.1:" + closedPort() + "/announce"))),
                HttpTrackerTest.PEER_ID,
                () -> 6881,
                TimeSource.SYSTEM,
                AddressPolicy.allowAll());

        assertThat(announcer.announceOnce(AnnounceRequest.Event.NONE)).isEqualTo(Announcer.RETRY_AFTER_FAILURE);
        assertThat(found).isEmpty();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.US_ASCII);
        byte[] c = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
