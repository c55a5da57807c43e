package com.hypertube.source.bench;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.tracker.ScrapeResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The smallest trackers that answer a scrape, on 127.0.0.1, knowing each hash's counts (copied down from
 * torrent-lib's BatchedScrapeTest, whose test classes are not on this module's classpath). They do nothing
 * but parse and answer, so what a bench measures is the client's exchanges, not a tracker's bookkeeping.
 */
final class FakeTrackers implements AutoCloseable {

    private static final long PROTOCOL_ID = 0x41727101980L;
    private static final long CONNECTION_ID = 0x0102030405060708L;
    private static final ScrapeResponse UNKNOWN = new ScrapeResponse(0, 0, 0);

    private final Map<InfoHash, ScrapeResponse> counts;
    private final DatagramSocket udp;
    private final HttpServer http;

    FakeTrackers(Map<InfoHash, ScrapeResponse> counts) throws IOException {
        this.counts = Map.copyOf(counts);
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        // A platform thread of its own: one receive loop, as a single-threaded tracker (opentracker) has.
        Thread udpLoop = new Thread(this::serveUdp, "fake-udp-tracker");
        udpLoop.setDaemon(true);
        udpLoop.start();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/scrape", exchange -> {
            byte[] body = scrapeAnswer(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
    }

    URI udpAnnounce() {
        return URI.create("udp://127.0.0.1:" + udp.getLocalPort() + "/announce");
    }

    URI httpAnnounce() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/announce");
    }

    /** BEP 15: connect answers a connection id; scrape answers seeders, completed, leechers per hash, in order. */
    private void serveUdp() {
        byte[] buffer = new byte[2048];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                ByteBuffer in = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
                if (in.remaining() < 16) {
                    continue;
                }
                long connection = in.getLong();
                int action = in.getInt();
                int transaction = in.getInt();
                ByteBuffer out = ByteBuffer.allocate(2048).putInt(action).putInt(transaction);
                if (action == 0 && connection == PROTOCOL_ID) {
                    out.putLong(CONNECTION_ID);
                } else if (action == 2 && connection == CONNECTION_ID) {
                    byte[] hash = new byte[20];
                    while (in.remaining() >= 20) {
                        in.get(hash);
                        // A hash it does not know is counted as an empty swarm, as opentracker answers.
                        ScrapeResponse swarm = counts.getOrDefault(InfoHash.of(hash), UNKNOWN);
                        out.putInt(swarm.seeders()).putInt(swarm.completed()).putInt(swarm.leechers());
                    }
                } else {
                    continue;
                }
                udp.send(new DatagramPacket(out.array(), out.position(), packet.getSocketAddress()));
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    /** The scrape convention: {@code d5:filesd<20-byte hash>d8:complete…ee…ee}, keys in byte order. */
    private byte[] scrapeAnswer(String query) {
        TreeMap<byte[], ScrapeResponse> files = new TreeMap<>(Arrays::compareUnsigned);
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("info_hash=")) {
                byte[] hash = unescape(pair.substring("info_hash=".length()));
                ScrapeResponse swarm = counts.get(InfoHash.of(hash));
                if (swarm != null) {
                    files.put(hash, swarm);
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("d5:filesd".getBytes(StandardCharsets.ISO_8859_1));
        files.forEach((hash, swarm) -> {
            body.writeBytes("20:".getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(hash);
            body.writeBytes("d8:completei%de10:downloadedi%de10:incompletei%dee"
                    .formatted(swarm.seeders(), swarm.completed(), swarm.leechers())
                    .getBytes(StandardCharsets.ISO_8859_1));
        });
        body.writeBytes("ee".getBytes(StandardCharsets.ISO_8859_1));
        return body.toByteArray();
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

    @Override
    public void close() {
        udp.close();
        http.stop(0);
    }
}
