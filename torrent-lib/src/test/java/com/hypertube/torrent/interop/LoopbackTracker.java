package com.hypertube.torrent.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal HTTP tracker on 127.0.0.1 for tests (aria2 can only find peers through one): it remembers
 * who announced each info hash and answers with the others, in compact form.
 */
final class LoopbackTracker implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Set<InetSocketAddress>> swarms = new ConcurrentHashMap<>();
    private final List<String> queries = new ArrayList<>(); // guarded by this

    LoopbackTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/announce", this::announce);
        server.start();
    }

    String announceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/announce";
    }

    /**
     * Lists a peer in a swarm as if it had announced: for a peer that does not announce itself (one we want
     * found only by others' dialling).
     */
    void list(byte[] infoHash, InetSocketAddress peer) {
        swarms.computeIfAbsent(new String(infoHash, StandardCharsets.ISO_8859_1), key -> ConcurrentHashMap.newKeySet())
                .add(peer);
    }

    int announces(String infoHashLatin1) {
        return swarms.getOrDefault(infoHashLatin1, Set.of()).size();
    }

    /** The first announce query (raw) that matches, waiting for it up to the timeout; empty if none came. */
    synchronized Optional<String> awaitQuery(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> found = queries.stream().filter(matching).findFirst();
            long left = until - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every announce query so far, raw, in order. */
    synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    private void announce(HttpExchange exchange) throws IOException {
        synchronized (this) {
            queries.add(exchange.getRequestURI().getRawQuery());
            notifyAll();
        }
        String infoHash = null;
        int port = 0;
        boolean stopped = false;
        for (String parameter : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] pair = parameter.split("=", 2);
            switch (pair[0]) {
                case "info_hash" -> infoHash = percentDecode(pair[1]);
                case "port" -> port = Integer.parseInt(pair[1]);
                case "event" -> stopped = pair[1].equals("stopped");
                default -> {}
            }
        }
        InetSocketAddress peer =
                new InetSocketAddress(exchange.getRemoteAddress().getAddress(), port);
        Set<InetSocketAddress> swarm = swarms.computeIfAbsent(infoHash, key -> ConcurrentHashMap.newKeySet());
        Set<InetSocketAddress> others = new LinkedHashSet<>(swarm);
        others.remove(peer);
        if (stopped) {
            swarm.remove(peer);
        } else {
            swarm.add(peer);
        }
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        for (InetSocketAddress other : others) {
            compact.writeBytes(other.getAddress().getAddress());
            compact.write(other.getPort() >> 8);
            compact.write(other.getPort() & 0xff);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("d8:intervali5e5:peers" + compact.size() + ":").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(compact.toByteArray());
        body.write('e');
        exchange.sendResponseHeaders(200, body.size());
        exchange.getResponseBody().write(body.toByteArray());
        exchange.close();
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
