package com.hypertube.streaming.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.magnet.MagnetLink;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bare info hash gets trackers: source-service's for the hash (a fake on 127.0.0.1), then the defaults. */
class TrackersForHashTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private static final URI DEFAULT = URI.create("http://default.example/announce");

    private HttpServer sourceService;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>("[]");
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sourceService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sourceService.createContext("/api/sources/trackers/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sourceService.start();
    }

    @AfterEach
    void stop() {
        sourceService.stop(0);
    }

    private TrackersForHash trackers() {
        return new TrackersForHash(
                URI.create("http://127.0.0.1:" + sourceService.getAddress().getPort()),
                Duration.ofSeconds(2),
                List.of(DEFAULT),
                InstantSource.system());
    }

    private static MagnetLink bare() throws Exception {
        return MagnetLink.parse("magnet:?xt=urn:btih:" + HASH);
    }

    @Test
    void aBareHashGetsTheTrackersSourceServiceKnowsThenTheDefaults() throws Exception {
        answer.set(
                "[\"udp://tracker.example:1337/announce\", \"http://t2.example/announce\","
                        + " \"javascript:alert(1)\", \"file:///etc/passwd\", \"not a uri\", \"http://default.example/announce\"]");

        MagnetLink completed = trackers().complete(bare(), "Bearer users-token");

        assertThat(completed.trackers())
                .containsExactly(
                        URI.create("udp://tracker.example:1337/announce"),
                        URI.create("http://t2.example/announce"),
                        DEFAULT);
        assertThat(completed.infoHash()).isEqualTo(bare().infoHash());
        assertThat(asked).containsExactly("/api/sources/trackers/" + HASH);
        assertThat(authorizations).containsExactly("Bearer users-token");
    }

    @Test
    void aMagnetThatNamesTrackersIsLeftAsItIsWithoutAsking() throws Exception {
        MagnetLink magnet = MagnetLink.parse("magnet:?xt=urn:btih:" + HASH + "&tr=udp%3A%2F%2Fown.example%3A80");

        assertThat(trackers().complete(magnet, null)).isSameAs(magnet);
        assertThat(asked).isEmpty();
    }

    @Test
    void sourceServiceDownCostsItsTrackersNeverThePressOfPlay() throws Exception {
        status.set(500);

        assertThat(trackers().complete(bare(), null).trackers()).containsExactly(DEFAULT);
    }

    @Test
    void atMostTwentyTrackersAreKept() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            many.append(i == 0 ? "" : ",").append("\"udp://t").append(i).append(".example:80\"");
        }
        answer.set(many.append("]").toString());

        assertThat(trackers().complete(bare(), null).trackers()).hasSize(TrackersForHash.MAX_TRACKERS);
    }
}
