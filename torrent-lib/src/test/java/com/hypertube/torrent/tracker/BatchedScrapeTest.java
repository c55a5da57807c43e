package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.net.ForbiddenAddressException;
import com.hypertube.torrent.tracker.http.HttpTracker;
import com.hypertube.torrent.tracker.udp.UdpTracker;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many torrents scraped at once, against small trackers on 127.0.0.1 that know each torrent's counts. */
class BatchedScrapeTest {

    private static final long CONNECTION_ID = 0x0102030405060708L;

    /** 200 torrents the trackers know (hash i has i seeders, 1000+i completed, 2i leechers), one they do not. */
    private final List<InfoHash> known = new ArrayList<>();

    private final Map<InfoHash, ScrapeResponse> counts = new HashMap<>();
    private final InfoHash unknown = hash(9999);
    private final List<Integer> hashesPerRequest = new CopyOnWriteArrayList<>();
    private DatagramSocket udp;
    private HttpServer http;

    BatchedScrapeTest() {
        for (int i = 0; i < 200; i++) {
            known.add(hash(i));
            counts.put(hash(i), new ScrapeResponse(i, 1000 + i, 2 * i));
        }
    }

    @AfterEach
    void stop() {
        if (udp != null) {
            udp.close();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void udpAsksAtMost74HashesAPacketAndReadsTheAnswersInOrder() throws Exception {
        URI url = serveUdp();
        List<InfoHash> asked = new ArrayList<>(known);

        Map<InfoHash, ScrapeResponse> swarms = new UdpTracker(url, AddressPolicy.allowAll()).scrape(asked);

        assertThat(hashesPerRequest).containsExactly(74, 74, 52);
        assertThat(swarms).hasSize(200);
        known.forEach(hash -> assertThat(swarms.get(hash)).isEqualTo(counts.get(hash)));
    }

    @Test
    void udpLeavesOutWhatAShortAnswerDoesNotCover() throws Exception {
        URI url = serveUdp();
        List<InfoHash> asked = List.of(known.get(5), unknown, known.get(7));

        // The in-test tracker answers only as far as the first hash it does not know, as a truncated packet.
        Map<InfoHash, ScrapeResponse> swarms = new UdpTracker(url, AddressPolicy.allowAll()).scrape(asked);

        assertThat(swarms).containsOnlyKeys(known.get(5));
    }

    @Test
    void httpRepeatsInfoHashAndReadsTheFilesDictionary() throws Exception {
        URI url = serveHttp();
        List<InfoHash> asked = new ArrayList<>(known.subList(0, 120));
        asked.add(unknown);

        Map<InfoHash, ScrapeResponse> swarms = new HttpTracker(url, AddressPolicy.allowAll()).scrape(asked);

        assertThat(hashesPerRequest).containsExactly(50, 50, 21);
        assertThat(swarms).hasSize(120).doesNotContainKey(unknown);
        known.subList(0, 120).forEach(hash -> assertThat(swarms.get(hash)).isEqualTo(counts.get(hash)));
    }

    @Test
    void bothObeyTheAddressPolicyBeforeSendingAnything() throws Exception {
        URI udpUrl = serveUdp();
        URI httpUrl = serveHttp();

        assertThatThrownBy(() -> new UdpTracker(udpUrl, AddressPolicy.publicOnly()).scrape(known))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> new HttpTracker(httpUrl, AddressPolicy.publicOnly()).scrape(known))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThat(hashesPerRequest).isEmpty();
    }

    private URI serveUdp() throws Exception {
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[2048];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    udp.receive(packet);
                    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(packet.getData(), packet.getLength()));
                    long connection = in.getLong();
                    int action = in.getInt();
                    int transaction = in.getInt();
                    ByteBuffer out = ByteBuffer.allocate(2048).putInt(action).putInt(transaction);
                    if (action == 0 && connection == 0x41727101980L) {
                        out.putLong(CONNECTION_ID);
                    } else if (action == 2 && connection == CONNECTION_ID) {
                        hashesPerRequest.add(in.remaining() / 20);
                        while (in.remaining() >= 20) {
                            byte[] hash = new byte[20];
                            in.get(hash);
                            ScrapeResponse swarm = counts.get(InfoHash.of(hash));
                            if (swarm == null) {
                                break;
                            }
                            out.putInt(swarm.seeders())
                                    .putInt(swarm.completed())
                                    .putInt(swarm.leechers());
                        }
                    } else {
                        continue;
                    }
                    udp.send(new DatagramPacket(out.array(), out.position(), packet.getSocketAddress()));
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        return URI.create("udp://127.0.0.1:" + udp.getLocalPort() + "/announce");
    }

    private URI serveHttp() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/scrape", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("d5:filesd".getBytes(StandardCharsets.ISO_8859_1));
            int asked = 0;
            // Bencode wants dictionary keys in byte order, as a real tracker's encoder writes them.
            java.util.TreeMap<byte[], ScrapeResponse> files = new java.util.TreeMap<>(Arrays::compareUnsigned);
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                if (!pair.startsWith("info_hash=")) {
                    continue;
                }
                asked++;
                byte[] hash = unescape(pair.substring("info_hash=".length()));
                ScrapeResponse swarm = counts.get(InfoHash.of(hash));
                if (swarm != null) {
                    files.put(hash, swarm);
                }
            }
            files.forEach((hash, swarm) -> {
                body.writeBytes("20:".getBytes(StandardCharsets.ISO_8859_1));
                body.writeBytes(hash);
                body.writeBytes("d8:completei%de10:downloadedi%de10:incompletei%dee"
                        .formatted(swarm.seeders(), swarm.completed(), swarm.leechers())
                        .getBytes(StandardCharsets.ISO_8859_1));
            });
            hashesPerRequest.add(asked);
            body.writeBytes("ee".getBytes(StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, body.size());
            exchange.getResponseBody().write(body.toByteArray());
            exchange.close();
        });
        http.start();
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/announce");
    }

    private static byte[] unescape(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    // Hashes with every byte value somewhere, so escaping is exercised: bytes i, 255-i, then a counter.
    private static InfoHash hash(int i) {
        byte[] bytes = new byte[20];
        for (int b = 0; b < 20; b++) {
            bytes[b] = (byte) (i * 37 + b * 11);
        }
        ByteBuffer.wrap(bytes).putInt(16, i);
        return InfoHash.of(bytes);
    }
}
