package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against stand-in services on loopback: what it forwards, what it retries, and how it answers
 * when a service is down or too slow. (The real services behind it are exercised by system-tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingIT {

    /** media answers at once, naming itself; at /api/movies/headers it shows the headers it got and sends odd ones. */
    static final StubService media = start((exchange, call) -> {
        if (exchange.getRequestURI().getPath().equals("/api/movies/headers")) {
            echoHeaders(exchange);
        } else {
            StubService.reply(exchange, 200, "media");
        }
    });

    /** streaming is overloaded twice, then answers: what a GET retry is for. */
    static final StubService streaming = start((exchange, call) -> {
        if (call % 3 == 0) {
            StubService.reply(exchange, 200, "streaming");
        } else {
            StubService.reply(exchange, 503, "busy");
        }
    });

    /** source never answers within the gateway's response timeout. */
    static final StubService source = start((exchange, call) -> {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StubService.reply(exchange, 200, "too late");
    });

    /** The auth service's key set, as the gateway fetches it. */
    static final TestTokens tokens = new TestTokens();

    static final StubService jwks = start((exchange, call) -> StubService.reply(exchange, 200, tokens.jwks()));

    @LocalServerPort
    int port;

    @Autowired
    reactor.netty.http.client.HttpClient proxyClient;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) throws IOException {
        int closedPort = closedPort();
        registry.add("hypertube.gateway.services.media-service.url", media::url);
        registry.add("hypertube.gateway.services.streaming-service.url", streaming::url);
        registry.add("hypertube.gateway.services.source-service.url", source::url);
        registry.add("hypertube.gateway.services.auth-service.url", () -> "http://127.0.0.1:" + closedPort);
        registry.add("hypertube.gateway.response-timeout", () -> "500ms");
        registry.add("hypertube.gateway.security.jwks-uri", () -> jwks.url() + "/.well-known/jwks.json");
        registry.add("hypertube.gateway.services.streaming-service.response-timeout", () -> "2s");
    }

    @AfterAll
    static void stopStubs() {
        media.close();
        streaming.close();
        source.close();
        jwks.close();
    }

    @Test
    void routesAPathToItsServiceAndPassesTheRequestIdOn() throws Exception {
        HttpResponse<String> response = send("GET", "/api/movies/popular", "trace-42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("media");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(media.seen()).contains(new StubService.Seen("GET", "/api/movies/popular", "trace-42"));
    }

    @Test
    void aServiceThatIsDownIsA503ProblemNamingIt() throws Exception {
        HttpResponse<String> response = send("GET", "/api/auth/login", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body())
                .contains("\"type\":\"urn:hypertube:problem:service-unavailable\"")
                .contains("\"unavailableService\":\"auth-service\"")
                .contains("\"requestId\":\""
                        + response.headers().firstValue("X-Request-Id").orElseThrow() + "\"");
    }

    @Test
    void aServiceThatIsTooSlowIsA503ProblemNamingItNotAHang() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send("POST", "/api/sources/search", null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"unavailableService\":\"source-service\"");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theGatewaysOwnLogLinesCarryTheRequestIdOfTheAnswer(CapturedOutput output) throws Exception {
        // Logged on the threads that saw the failure (a refused connection, a response timeout), never in a
        // message that names the id itself: RequestId.logging puts it in the MDC, where the log pattern reads it.
        HttpResponse<String> down = send("GET", "/api/auth/login", null);
        HttpResponse<String> slow = send("POST", "/api/sources/search", null);

        assertThat(logLine(output, "auth-service is unavailable for GET /api/auth/login"))
                .contains("[" + down.headers().firstValue("X-Request-Id").orElseThrow() + "] ");
        assertThat(logLine(output, "source-service is unavailable for POST /api/sources/search"))
                .contains("[" + slow.headers().firstValue("X-Request-Id").orElseThrow() + "] ");
    }

    private static String logLine(CapturedOutput output, String containing) {
        List<String> lines = output.getAll()
                .lines()
                .filter(line -> line.contains(containing))
                .toList();
        assertThat(lines).as("the log line with \"%s\"", containing).hasSize(1);
        return lines.getFirst();
    }

    @Test
    void aFailedGetIsRetriedButAPostIsNot() throws Exception {
        streaming.seen().clear();
        HttpResponse<String> get = send("GET", "/api/downloads", null);
        int getAttempts = streaming.seen().size();

        streaming.seen().clear();
        HttpResponse<String> post = send("POST", "/api/stream", null);
        int postAttempts = streaming.seen().size();

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(getAttempts).isEqualTo(3);
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(postAttempts).isEqualTo(1);
    }

    @Test
    void theConnectTimeoutIsSetOnceOnTheClientEveryRouteShares() {
        // Not per route: as a route's metadata it made the routing filter configure a new client per request.
        assertThat(proxyClient.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS))
                .isEqualTo(2000);
    }

    @Test
    void theRouteLookupTheRequestsAddressAndTheRoutingFilterAreTheGatewaysOwn() {
        // routing/RouteLookup and routing/RequestUrl in the framework's place, and no framework copy beside them.
        assertThat(context.getBeansOfType(RoutePredicateHandlerMapping.class).values())
                .singleElement()
                .extracting(mapping -> mapping.getClass().getSimpleName())
                .isEqualTo("RouteLookup");
        assertThat(context.getBeansOfType(RouteToRequestUrlFilter.class).values())
                .singleElement()
                .extracting(filter -> filter.getClass().getSimpleName())
                .isEqualTo("RequestUrl");
        assertThat(context.getBeansOfType(NettyRoutingFilter.class).values())
                .singleElement()
                .extracting(filter -> filter.getClass().getSimpleName())
                .isEqualTo("ServiceRoutingFilter");
    }

    @Test
    void headersGoOnBothWaysSaveTheHopByHopOnesAndRepeatedOnesStayRepeated() throws Exception {
        String token = tokens.user(UUID.randomUUID());
        byte[] request = ("GET /api/movies/headers?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nConnection: keep-alive, X-Only-To-The-Gateway\r\nX-Only-To-The-Gateway: 1"
                        + "\r\nKeep-Alive: timeout=5\r\nAccept: text/plain\r\nX-Repeated: one\r\nX-Repeated: two\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request);
            answer = readResponse(new BufferedInputStream(socket.getInputStream()));
        }
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String seen = answer.substring(answer.indexOf("\r\n\r\n") + 4);

        // What the service got: the client's own headers (both repeats), the gateway's, and no hop-by-hop one.
        assertThat(seen.lines().toList())
                .contains("accept: text/plain", "x-repeated: one", "x-repeated: two", "x-forwarded-for: 127.0.0.1")
                .anyMatch(line -> line.startsWith("x-request-id: "))
                .noneMatch(line -> line.startsWith("keep-alive") || line.startsWith("x-only-to-the-gateway"))
                .noneMatch(line -> line.startsWith("connection: keep-alive, x-only"));
        // What the client got: the service's status as it was, both cookies, no hop-by-hop header of the service's.
        assertThat(answer).startsWith("HTTP/1.1 299");
        assertThat(head.lines().toList())
                .contains("set-cookie: a=1", "set-cookie: b=2", "x-kept: yes")
                .noneMatch(line -> line.startsWith("x-service-hop") || line.startsWith("keep-alive"));
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/api/no-such-area/42", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:hypertube:problem:not-found\"")
                .contains("\"service\":\"gateway-service\"");
    }

    @Test
    void eachServicesApiDescriptionIsServedThroughTheGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/api-docs/media-service", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(media.seen()).anyMatch(seen -> seen.path().equals("/v3/api-docs"));
    }

    @Test
    void theSwaggerUiListsEveryService() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs/swagger-config", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("/api-docs/auth-service")
                .contains("/api-docs/media-service")
                .contains("/api-docs/source-service")
                .contains("/api-docs/streaming-service");
    }

    @Test
    void browsersConnectionsStayOpenAcrossManyRequestsAndNoneHangs() throws Exception {
        // Players and browsers keep their connections: the gateway must not close them (it did, one request
        // each, while Reactor Netty 1.3.6 could leave a kept-alive request unread — reactor-netty#4347), nor
        // leave any request unanswered. Each request goes the moment the previous answer is read, on eight
        // sockets at once; a socket the gateway closed fails the test.
        String token = tokens.user(UUID.randomUUID());
        try (var connections = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var answered = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int c = 0; c < 8; c++) {
                answered.add(connections.submit(() -> requestsOverOneConnection(token, 250)));
            }
            for (var count : answered) {
                assertThat(count.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(250);
            }
        }
    }

    private int requestsOverOneConnection(String token, int requests) throws IOException {
        byte[] request = ("GET /api/movies/popular HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < requests; i++) {
                socket.getOutputStream().write(request);
                assertThat(readResponse(in))
                        .as("answer %d", i)
                        .startsWith("HTTP/1.1 200")
                        .endsWith("media");
            }
        }
        return requests;
    }

    /** One HTTP/1.1 response with a Content-Length: status line, headers and body, as text. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the gateway closed the connection after: " + head);
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
        assertThat(length.find()).as("a Content-Length in %s", head).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    /** The request's headers, a line each ("name: value", lower-case names), with odd headers of its own. */
    private static void echoHeaders(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        StringBuilder lines = new StringBuilder();
        exchange.getRequestHeaders()
                .forEach((name, values) -> values.forEach(value -> lines.append(name.toLowerCase(java.util.Locale.ROOT))
                        .append(": ")
                        .append(value)
                        .append('\n')));
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Set-Cookie", "a=1");
        headers.add("Set-Cookie", "b=2");
        headers.set("X-Kept", "yes");
        headers.set("X-Service-Hop", "secret");
        headers.set("Keep-Alive", "timeout=5");
        headers.set("Connection", "close, X-Service-Hop");
        exchange.sendResponseHeaders(299, body.length);
        exchange.getResponseBody().write(body);
    }

    private HttpResponse<String> send(String method, String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.user(UUID.randomUUID()))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // One client for all the tests, as a browser would be: its connections are kept alive and reused.
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static StubService start(StubService.Answer answer) {
        try {
            return new StubService(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port that nothing listens on: bound, noted, released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
