package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP tracker client against a tracker on 127.0.0.1 answering in BEP 3 / 23 / 7 formats. */
class HttpTrackerTest {

    static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdeffedcba98");
    static final byte[] PEER_ID = "-HT0001-000000000000".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private final AtomicReference<String> lastQuery = new AtomicReference<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsCompactIpv4AndIpv6PeersAndTheSwarmCounts() throws Exception {
        byte[] body = concat(
                "d8:completei5e10:incompletei3e8:intervali900e5:peers12:",
                hex("c0000201" + "1ae1" // 192.0.2.1:6881
                        + "c0000202" + "0050"), // 192.0.2.2:80
                "6:peers618:",
                hex("20010db8000000000000000000000001" + "1ae2"), // [2001:db8::1]:6882
                "e");
        URI url = serve(200, body);

        AnnounceResponse response =
                new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll()).announce(request());

        assertThat(response.interval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(response.seeders()).isEqualTo(5);
        assertThat(response.leechers()).isEqualTo(3);
        assertThat(response.peers())
                .containsExactly(
                        new PeerAddress("192.0.2.1", 6881),
                        new PeerAddress("192.0.2.2", 80),
                        new PeerAddress("2001:db8:0:0:0:0:0:1", 6882));
        assertThat(lastQuery.get())
                .contains("info_hash=%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%FE%DC%BA%98")
                .contains("peer_id=-HT0001-000000000000")
                .contains("port=6881")
                .contains("left=1000")
                .contains("compact=1")
                .contains("event=started");
    }

    @Test
    void readsTheOriginalDictionaryListOfPeers() throws Exception {
        URI url = serve(
                200,
                "d8:intervali60e5:peersld2:ip9:192.0.2.74:porti51413eed2:ip3:bad4:porti0eeee"
                        .getBytes(StandardCharsets.US_ASCII));

        AnnounceResponse response =
                new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll()).announce(request());

        assertThat(response.peers()).containsExactly(new PeerAddress("192.0.2.7", 51413));
        assertThat(response.seeders()).isEqualTo(-1);
    }

    @Test
    void aFailureReasonIsAnError() throws Exception {
        URI url = serve(200, "d14:failure reason17:torrent not founde".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll())
                        .announce(request()))
                .isInstanceOf(TrackerException.class)
                .hasMessage("tracker refused: torrent not found");
    }

    @Test
    void anHttpErrorOrGarbageIsAnError() throws Exception {
        URI failing = serve(503, "busy".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new com.hypertube.torrent.tracker.http.HttpTracker(failing, AddressPolicy.allowAll())
                        .announce(request()))
                .hasMessage("tracker answered HTTP 503");
        server.stop(0);

        URI garbage = serve(200, "<html>".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new com.hypertube.torrent.tracker.http.HttpTracker(garbage, AddressPolicy.allowAll())
                        .announce(request()))
                .hasMessageContaining("not bencode");
        server.stop(0);

        URI ragged = serve(200, "d8:intervali60e5:peers5:abcdee".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new com.hypertube.torrent.tracker.http.HttpTracker(ragged, AddressPolicy.allowAll())
                        .announce(request()))
                .hasMessageContaining("compact peers of 5 bytes");
    }

    @Test
    void scrapesTheSwarmOfOneTorrent() throws Exception {
        byte[] body = concat("d5:filesd20:", HASH.bytes(), "d8:completei12e10:downloadedi40e10:incompletei7eeee");
        URI url = serve(200, body);

        ScrapeResponse scrape =
                new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll()).scrape(HASH);

        assertThat(scrape).isEqualTo(new ScrapeResponse(12, 40, 7));
        assertThat(lastPath.get()).isEqualTo("/scrape");
    }

    @Test
    void aRedirectIsFollowedWithTheQuery() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = concat("d8:intervali900e5:peers6:", hex("7f0000011ae1"), "e");
        server.createContext("/announce", exchange -> {
            exchange.getResponseHeaders()
                    .set("Location", "/moved?" + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/announce");

        AnnounceResponse response =
                new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll()).announce(request());

        assertThat(response.peers()).containsExactly(new PeerAddress("127.0.0.1", 6881));
        assertThat(lastQuery.get()).contains("event=started");
    }

    @Test
    void anAnswerOverTheCapIsAnErrorNotAnAllocation() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 10]; // the cap is 1 MiB
        URI url = serve(200, huge);

        assertThatThrownBy(() -> new com.hypertube.torrent.tracker.http.HttpTracker(url, AddressPolicy.allowAll())
                        .announce(request()))
                .hasMessageContaining("larger than");
    }

    private final AtomicReference<String> lastPath = new AtomicReference<>();

    private URI serve(int status, byte[] body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            lastPath.set(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/announce");
    }

    static AnnounceRequest request() {
        return new AnnounceRequest(HASH, PEER_ID, 6881, 0, 0, 1000, AnnounceRequest.Event.STARTED, 50);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String text ? text.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) part);
        }
        return out.toByteArray();
    }
}
