package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.tracker.udp.UdpTracker;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The UDP tracker client (BEP 15) against a scripted tracker on 127.0.0.1. */
class UdpTrackerTest {

    private static final long CONNECTION_ID = 0x1122334455667788L;

    private DatagramSocket server;
    private final AtomicInteger received = new AtomicInteger();
    private volatile byte[] lastAnnounce;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectsThenAnnouncesAndReadsThePeers() throws Exception {
        URI url = serve(false, false);

        AnnounceResponse response = new UdpTracker(url, AddressPolicy.allowAll()).announce(HttpTrackerTest.request());

        assertThat(response.interval()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(response.leechers()).isEqualTo(2);
        assertThat(response.seeders()).isEqualTo(9);
        assertThat(response.peers()).containsExactly(new PeerAddress("192.0.2.1", 6881));
        ByteBuffer announce = ByteBuffer.wrap(lastAnnounce);
        assertThat(announce.getLong()).isEqualTo(CONNECTION_ID); // connection id from the connect answer
        assertThat(announce.getInt()).isEqualTo(1); // action: announce
        announce.getInt(); // transaction id
        byte[] hash = new byte[20];
        announce.get(hash);
        assertThat(hash).isEqualTo(HttpTrackerTest.HASH.bytes());
        byte[] peerId = new byte[20];
        announce.get(peerId);
        assertThat(new String(peerId, StandardCharsets.US_ASCII)).isEqualTo("-HT0001-000000000000");
        assertThat(announce.getLong()).isZero(); // downloaded
        assertThat(announce.getLong()).isEqualTo(1000); // left
        assertThat(announce.getLong()).isZero(); // uploaded
        assertThat(announce.getInt()).isEqualTo(2); // event: started
        announce.getInt(); // ip
        announce.getInt(); // key
        assertThat(announce.getInt()).isEqualTo(50); // num_want
        assertThat(announce.getShort()).isEqualTo((short) 6881); // port
    }

    @Test
    void asksAgainWhenAPacketIsLost() throws Exception {
        URI url = serve(true, false);

        AnnounceResponse response = new UdpTracker(url, AddressPolicy.allowAll()).announce(HttpTrackerTest.request());

        assertThat(response.peers()).hasSize(1);
        assertThat(received.get()).isEqualTo(3); // a lost connect, the connect again, the announce
    }

    @Test
    void anErrorAnswerIsAnError() throws Exception {
        URI url = serve(false, true);

        assertThatThrownBy(() -> new UdpTracker(url, AddressPolicy.allowAll()).announce(HttpTrackerTest.request()))
                .isInstanceOf(TrackerException.class)
                .hasMessage("tracker refused: unregistered torrent");
    }

    @Test
    void scrapes() throws Exception {
        URI url = serve(false, false);

        assertThat(new UdpTracker(url, AddressPolicy.allowAll()).scrape(HttpTrackerTest.HASH))
                .isEqualTo(new ScrapeResponse(9, 30, 2));
    }

    @Test
    void givesUpAfterBoundedTries() throws Exception {
        DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server = silent;
        long started = System.nanoTime();

        assertThatThrownBy(() -> new UdpTracker(
                                URI.create("udp://127.0.0.1:" + silent.getLocalPort() + "/announce"),
                                AddressPolicy.allowAll())
                        .announce(HttpTrackerTest.request()))
                .hasMessageContaining("after 3 tries");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private URI serve(boolean dropFirst, boolean refuse) throws SocketException {
        server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[2048];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    server.receive(packet);
                    if (received.incrementAndGet() == 1 && dropFirst) {
                        continue;
                    }
                    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(packet.getData(), packet.getLength()));
                    long connection = in.getLong();
                    int action = in.getInt();
                    int transaction = in.getInt();
                    ByteBuffer out = ByteBuffer.allocate(200);
                    if (action == 0 && connection == 0x41727101980L) {
                        out.putInt(0).putInt(transaction).putLong(CONNECTION_ID);
                    } else if (refuse) {
                        out.putInt(3)
                                .putInt(transaction)
                                .put("unregistered torrent".getBytes(StandardCharsets.US_ASCII));
                    } else if (action == 1 && connection == CONNECTION_ID) {
                        lastAnnounce = Arrays.copyOf(packet.getData(), packet.getLength());
                        out.putInt(1)
                                .putInt(transaction)
                                .putInt(1800)
                                .putInt(2)
                                .putInt(9)
                                .put(HexFormat.of().parseHex("c00002011ae1"));
                    } else if (action == 2 && connection == CONNECTION_ID) {
                        out.putInt(2).putInt(transaction).putInt(9).putInt(30).putInt(2);
                    } else {
                        continue;
                    }
                    server.send(new DatagramPacket(out.array(), out.position(), packet.getSocketAddress()));
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        return URI.create("udp://127.0.0.1:" + server.getLocalPort() + "/announce");
    }
}
