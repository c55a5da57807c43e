package com.hypertube.source.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.SourceTestConfiguration;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two swarm health rounds started at once, as two instances' schedules would: the lock in Postgres lets one
 * scrape, the other does nothing. The in-test tracker counts the scrapes it is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class SwarmHealthLockIT {

    private static final String HASH = "d4".repeat(20);

    @Autowired
    SwarmHealth health;

    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger scrapes = new AtomicInteger();
    private DatagramSocket tracker;

    @BeforeEach
    void freeTheLock() {
        jdbc.sql("DELETE FROM shedlock WHERE name = 'swarm-health'").update();
    }

    @AfterEach
    void stop() {
        tracker.close();
        // Its tracker is gone: left in place, the row would cost later rounds a UDP timeout.
        jdbc.sql("DELETE FROM torrent_sources WHERE info_hash = ?").param(HASH).update();
    }

    @Test
    void twoRoundsStartedAtOnceScrapeOnce() throws Exception {
        String udp = "udp://127.0.0.1:" + serve() + "/announce";
        jdbc.sql("""
                        INSERT INTO torrent_sources (id, imdb_id, info_hash, provider, release_name, magnet, trackers)
                        VALUES (?, 'tt0000951', ?, 'Alpha', 'Film.2020.1080p', 'magnet:?xt=urn:btih:' || ?,
                            ARRAY[?])""").params(UUID.randomUUID(), HASH, HASH, udp).update();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> await(start, health::scheduledRound));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> await(start, health::scheduledRound));
        start.countDown();
        CompletableFuture.allOf(first, second).get();

        assertThat(scrapes)
                .as("one round scraped the tracker, the other found the lock taken")
                .hasValue(1);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'swarm-health'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT seeders FROM torrent_sources WHERE info_hash = ?")
                        .param(HASH)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        health.scheduledRound();
        assertThat(scrapes)
                .as("a round within the lock's minimum time is skipped too")
                .hasValue(1);
    }

    private static void await(CountDownLatch start, Runnable run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run.run();
    }

    /** A BEP 15 tracker on loopback: 3 seeders, 5 completed, 1 leecher for every hash; it counts scrapes. */
    private int serve() throws Exception {
        tracker = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[2048];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    tracker.receive(packet);
                    ByteBuffer in = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
                    in.getLong();
                    int action = in.getInt();
                    int transaction = in.getInt();
                    ByteBuffer out = ByteBuffer.allocate(2048).putInt(action).putInt(transaction);
                    if (action == 0) {
                        out.putLong(77L);
                    } else {
                        scrapes.incrementAndGet();
                        for (; in.remaining() >= 20; in.position(in.position() + 20)) {
                            out.putInt(3).putInt(5).putInt(1);
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
