package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against stand-in services on loopback: what it forwards, what it retries, and how it answers
 * when a service is down or too slow. (The real services behind it are exercised by system-tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    /** media answers at once, naming itself. */
    static final StubService media = start((exchange, call) -> StubService.reply(exchange, 200, "media"));

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

    private HttpResponse<String> send(String method, String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.user(java.util.UUID.randomUUID()))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        // A new connection per request: see GatewayGuardIT.send (reactor-netty#4347).
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

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
