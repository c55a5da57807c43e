package com.hypertube.torrent.cli;

import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeEncoder;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.time.TimeSource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP tracker (BEP 3, compact peer lists of BEP 23) for the torrents one seeder serves, so that a
 * swarm on one machine or a LAN — the demo library's — needs nothing else: no opentracker, no DHT. It answers
 * only for those torrents (anything else is a tracker failure), remembers who announced (IPv4, the address the
 * announce came from, never one the announce names) and forgets a peer that has not announced for three
 * intervals; each swarm holds at most {@value #MAX_PEERS} peers, at most {@value #PORTS_PER_ADDRESS} of one
 * address (so that one host cannot fill it). A peer that does not listen (port 0) gets the list without joining
 * it.
 */
final class SwarmTracker implements AutoCloseable {

    static final int INTERVAL_SECONDS = 30;
    static final int MAX_PEERS = 200;
    static final int PORTS_PER_ADDRESS = 4;
    private static final long FORGET_AFTER_MILLIS = 3_000L * INTERVAL_SECONDS;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final TimeSource time;
    private final Map<InfoHash, Map<InetSocketAddress, Long>> swarms = new ConcurrentHashMap<>();

    SwarmTracker(InetSocketAddress address, Collection<InfoHash> served, TimeSource time) throws IOException {
        this.time = time;
        served.forEach(hash -> swarms.put(hash, new LinkedHashMap<>()));
        server = HttpServer.create(address, 16);
        server.setExecutor(threads);
        server.createContext("/announce", this::answer);
        server.start();
    }

    /** The announce URL to put in a torrent, for the address the tracker listens on. */
    String announceUrl() {
        InetSocketAddress bound = server.getAddress();
        InetAddress host =
                bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        return "http://" + host.getHostAddress() + ":" + bound.getPort() + "/announce";
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try {
                body = BencodeEncoder.encode(announce(exchange));
            } catch (IllegalArgumentException e) {
                body = BencodeEncoder.encode(failure(e.getMessage()));
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private BencodeDictionary announce(HttpExchange exchange) {
        Map<String, byte[]> query = query(exchange.getRequestURI().getRawQuery());
        byte[] hash = query.get("info_hash");
        if (hash == null || hash.length != 20) {
            throw new IllegalArgumentException("missing or bad info_hash");
        }
        Map<InetSocketAddress, Long> swarm = swarms.get(InfoHash.of(hash));
        if (swarm == null) {
            throw new IllegalArgumentException("unknown torrent: this tracker serves only its seeder's");
        }
        int port = port(query.get("port"));
        InetAddress from = exchange.getRemoteAddress().getAddress();
        InetSocketAddress peer = port == 0 ? null : new InetSocketAddress(from, port);
        boolean stopped = "stopped".equals(text(query.get("event")));
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        synchronized (swarm) {
            long now = time.millis();
            swarm.values().removeIf(seen -> now - seen > FORGET_AFTER_MILLIS);
            if (peer == null) {
                // listens nowhere: it may dial others, nobody can dial it
            } else if (stopped) {
                swarm.remove(peer);
            } else if (swarm.containsKey(peer) || mayJoin(swarm, from)) {
                swarm.put(peer, now);
            }
            for (InetSocketAddress other : swarm.keySet()) {
                byte[] ip = other.getAddress().getAddress();
                if (!other.equals(peer) && ip.length == 4) {
                    compact.writeBytes(ip);
                    compact.write(other.getPort() >> 8);
                    compact.write(other.getPort() & 0xff);
                }
            }
        }
        Map<String, BencodeValue> answer = new HashMap<>();
        answer.put("interval", new BencodeInteger(INTERVAL_SECONDS));
        answer.put("peers", new BencodeString(compact.toByteArray()));
        return new BencodeDictionary(answer);
    }

    private static boolean mayJoin(Map<InetSocketAddress, Long> swarm, InetAddress from) {
        long sameAddress = swarm.keySet().stream()
                .filter(known -> known.getAddress().equals(from))
                .count();
        return swarm.size() < MAX_PEERS && sameAddress < PORTS_PER_ADDRESS;
    }

    private static BencodeDictionary failure(String reason) {
        return new BencodeDictionary(Map.of("failure reason", BencodeString.of(reason)));
    }

    private static int port(byte[] value) {
        try {
            int port = Integer.parseInt(text(value));
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("missing or bad port");
        }
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.ISO_8859_1);
    }

    /** The query's parameters, each value percent-decoded to its bytes (an info hash is binary). */
    static Map<String, byte[]> query(String raw) {
        Map<String, byte[]> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(pair.substring(0, equals), percentDecoded(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c == '+' ? ' ' : c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("bad percent-encoding");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
