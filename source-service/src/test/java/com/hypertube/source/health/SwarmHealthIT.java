package com.hypertube.source.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.SourceTestConfiguration;
import com.hypertube.testinfra.MovableClock;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A round of swarm health against a UDP tracker on loopback that knows the counts, with real Postgres. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class SwarmHealthIT {

    private static final String LIVE = "a1".repeat(20);
    private static final String SHARED = "b2".repeat(20);
    private static final String UNANSWERED = "c3".repeat(20);

    /** What the in-test tracker knows: seeders, completed, leechers. */
    private static final Map<String, int[]> COUNTS = Map.of(LIVE, new int[] {42, 100, 7}, SHARED, new int[] {0, 3, 1});

    @Autowired
    SwarmHealth health;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private DatagramSocket tracker;

    @AfterEach
    void stop() {
        tracker.close();
    }

    @Test
    void aRoundWritesWhatTheTrackersCountAndLeavesUnansweredSourcesAlone() throws Exception {
        String udp = "udp://127.0.0.1:" + serve() + "/announce";
        String closed = "http://127.0.0.1:9/announce"; // nobody listens: refused at once
        insert("tt0000901", LIVE, 1, List.of(closed, udp));
        insert("tt0000901", SHARED, 9, List.of(udp));
        insert("tt0000902", SHARED, 9, List.of(udp));
        insert("tt0000902", UNANSWERED, 5, List.of(closed));

        SwarmHealth.Round round = health.check();

        assertThat(round.measured()).isGreaterThanOrEqualTo(2);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        assertThat(counts("tt0000901", LIVE)).containsEntry("seeders", 42).containsEntry("leechers", 7);
        assertThat(counts("tt0000901", LIVE).get("measured_at")).isNotNull();
        // One torrent listed for two titles: both rows get the count, a swarm that emptied reads 0.
        assertThat(counts("tt0000901", SHARED)).containsEntry("seeders", 0).containsEntry("leechers", 1);
        assertThat(counts("tt0000902", SHARED)).containsEntry("seeders", 0);
        assertThat(counts("tt0000902", UNANSWERED)).containsEntry("seeders", 5);
        assertThat(counts("tt0000902", UNANSWERED).get("measured_at")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM torrent_sources WHERE info_hash = ? AND measured_at = ?")
                        .params(LIVE, now)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private void insert(String imdbId, String hash, int seeders, List<String> trackers) {
        jdbc.sql("""
                        INSERT INTO torrent_sources (id, imdb_id, info_hash, provider, release_name, magnet,
                            seeders, leechers, trackers)
                        VALUES (?, ?, ?, 'Alpha', 'Film.2020.1080p', 'magnet:?xt=urn:btih:' || ?, ?, 0,
                            string_to_array(?, ' '))""")
                .params(UUID.randomUUID(), imdbId, hash, hash, seeders, String.join(" ", trackers))
                .update();
    }

    private Map<String, Object> counts(String imdbId, String hash) {
        return jdbc.sql(
                        "SELECT seeders, leechers, measured_at FROM torrent_sources WHERE imdb_id = ? AND info_hash = ?")
                .params(imdbId, hash)
                .query()
                .singleRow();
    }

    /** A BEP 15 tracker answering connects and batched scrapes, in the order asked, from {@link #COUNTS}. */
    private int serve() throws Exception {
        tracker = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[2048];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    tracker.receive(packet);
                    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(packet.getData(), packet.getLength()));
                    in.getLong();
                    int action = in.getInt();
                    int transaction = in.getInt();
                    ByteBuffer out = ByteBuffer.allocate(2048).putInt(action).putInt(transaction);
                    if (action == 0) {
                        out.putLong(77L);
                    } else {
                        while (in.remaining() >= 20) {
                            byte[] hash = new byte[20];
                            in.get(hash);
                            int[] swarm = COUNTS.getOrDefault(HexFormat.of().formatHex(hash), new int[3]);
                            out.putInt(swarm[0]).putInt(swarm[1]).putInt(swarm[2]);
                        }
                    }
                    tracker.send(new DatagramPacket(out.array(), out.position(), packet.getSocketAddress()));
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        return tracker.getLocalPort();
    }
}
