package com.hypertube.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A downstream service on 127.0.0.1 that records what reaches it and answers as a test scripts it. */
final class StubService implements AutoCloseable {

    /** What the stub saw of one request. */
    record Seen(String method, String path, String requestId) {}

    interface Answer {
        void respond(HttpExchange exchange, int callNumber) throws IOException;
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubService(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Request-Id")));
            try (exchange) {
                answer.respond(exchange, seen.size());
            }
        });
        server.start();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        // One request per connection: the JDK's HttpServer now and then stalls a reused keep-alive
        // connection under the gateway's pool, which made these tests hang at random.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Routes every service of the gateway, and its JWKS, to this stub. */
    void answerForEveryService(org.springframework.test.context.DynamicPropertyRegistry registry) {
        for (String name : new String[] {"auth-service", "media-service", "streaming-service", "source-service"}) {
            registry.add("hypertube.gateway.services." + name + ".url", this::url);
        }
        registry.add("hypertube.gateway.security.jwks-uri", () -> url() + "/.well-known/jwks.json");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return seen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
