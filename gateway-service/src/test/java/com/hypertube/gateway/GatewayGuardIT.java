package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The guard against stand-ins: a stub JWKS and a stub service that echoes the identity headers it got. Every
 * kind of bad token is a 401 problem; the verified identity reaches the service, a forged one never does.
 *
 * <p>Over 400 lines on purpose: every rule of the gateway's guard is checked here against one stub and one
 * Spring context (one gateway started); splitting it would start a second gateway for the same stub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayGuardIT {

    static final TestTokens tokens = new TestTokens();

    /** Answers the JWKS and, for everything else, echoes the headers the gateway set. */
    static final StubService service = start((exchange, call) -> {
        if (exchange.getRequestURI().getPath().equals("/.well-known/jwks.json")) {
            StubService.reply(exchange, 200, tokens.jwks());
            return;
        }
        var headers = exchange.getRequestHeaders();
        StubService.reply(
                exchange,
                200,
                "user=" + headers.getFirst("X-User-Id") + " client=" + headers.getFirst("X-Client-Id") + " scope="
                        + headers.getFirst("X-Token-Scope") + " bearer=" + (headers.getFirst("Authorization") != null));
    });

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        service.answerForEveryService(registry);
        registry.add("hypertube.gateway.security.allowed-origins", () -> "https://friends.example.org");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aValidUserTokenPassesWithTheVerifiedIdentity() throws Exception {
        UUID id = UUID.randomUUID();

        HttpResponse<String> response =
                send("GET", "/api/movies/popular", Map.of("Authorization", "Bearer " + tokens.user(id)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("user=" + id + " client=null scope=user bearer=true");
    }

    @Test
    void identityHeadersSentByTheCallerAreReplaced() throws Exception {
        UUID id = UUID.randomUUID();
        UUID victim = UUID.randomUUID();

        HttpResponse<String> withToken = send(
                "GET",
                "/api/movies/popular",
                Map.of("Authorization", "Bearer " + tokens.user(id), "X-User-Id", victim.toString()));
        HttpResponse<String> publicPath =
                send("POST", "/api/auth/login", Map.of("X-User-Id", victim.toString(), "X-Client-Id", "evil"));

        assertThat(withToken.body()).startsWith("user=" + id + " ");
        assertThat(publicPath.statusCode()).isEqualTo(200);
        assertThat(publicPath.body()).startsWith("user=null client=null");
    }

    @Test
    void everyKindOfBadTokenIsA401Problem() throws Exception {
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(tokens.key.getKeyID()).generate();
        String genuine = tokens.user(UUID.randomUUID());
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replaceAll("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"")
                        .getBytes(StandardCharsets.UTF_8));
        String unsigned = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        Map<String, String> forged = Map.of(
                "no token",
                "",
                "alg none",
                unsigned,
                "another key",
                TestTokens.sign(
                        otherKey,
                        UUID.randomUUID().toString(),
                        "user",
                        "hypertube",
                        "hypertube",
                        Duration.ofMinutes(5)),
                "tampered payload",
                parts[0] + "." + tamperedPayload + "." + parts[2],
                "expired",
                TestTokens.sign(
                        tokens.key,
                        UUID.randomUUID().toString(),
                        "user",
                        "hypertube",
                        "hypertube",
                        Duration.ofMinutes(-5)),
                "wrong audience",
                TestTokens.sign(
                        tokens.key,
                        UUID.randomUUID().toString(),
                        "user",
                        "hypertube",
                        "someone-else",
                        Duration.ofMinutes(5)),
                "wrong issuer",
                TestTokens.sign(
                        tokens.key, UUID.randomUUID().toString(), "user", "evil", "hypertube", Duration.ofMinutes(5)),
                "garbage",
                "not-a-jwt",
                "malformed header",
                genuine + " " + genuine);

        for (var entry : forged.entrySet()) {
            HttpResponse<String> response = send(
                    "GET",
                    "/api/movies/popular",
                    entry.getValue().isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + entry.getValue()));
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(entry.getKey())
                    .hasValue("application/problem+json");
            assertThat(response.body())
                    .as(entry.getKey())
                    .contains("urn:hypertube:problem:unauthorized")
                    .contains("requestId");
        }
    }

    @Test
    void theAccessCookieOnlyAuthorizesReading() throws Exception {
        String cookie = "ht_access=" + tokens.user(UUID.randomUUID());

        assertThat(send("GET", "/api/stream/abc/0", Map.of("Cookie", cookie)).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/stream", Map.of("Cookie", cookie)).statusCode())
                .isEqualTo(401);
        assertThat(send("DELETE", "/api/downloads/1", Map.of("Cookie", cookie)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anApiClientMayReadButNotChange() throws Exception {
        Map<String, String> client = Map.of("Authorization", "Bearer " + tokens.client("htc_test"));

        HttpResponse<String> read = send("GET", "/api/movies/popular", client);
        HttpResponse<String> write = send("POST", "/api/comments", client);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("user=null client=htc_test scope=read bearer=true");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("urn:hypertube:problem:forbidden");
    }

    /** The subject's public API ({@code /movies}, {@code /comments}, {@code /users}) is an API, not UI files. */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void theSubjectsPublicApiNeedsATokenAndAClientOnlyReadsIt() throws Exception {
        Map<String, String> client = Map.of("Authorization", "Bearer " + tokens.client("htc_test"));
        int before = service.seen().size();

        for (String path : List.of(
                "/movies",
                "/movies/1",
                "/comments",
                "/comments/1",
                "/users",
                "/users/1",
                "//movies",
                "/%6Dovies",
                "/movies;x=1",
                "/MOVIES")) {
            assertThat(rawStatus(path)).as("GET %s without a token", path).isIn(400, 401, 404);
        }
        assertThat(service.seen().size() - before)
                .as("requests that reached a service")
                .isZero();
        assertThat(send("GET", "/movies/42", client).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/users", client).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/comments", client).statusCode()).isEqualTo(403);
        assertThat(send("PATCH", "/users/1", client).statusCode()).isEqualTo(403);
    }

    /** A service's own token is for calls between services: the gateway lets it reach nothing. */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void aServiceTokenReachesNothingThroughTheGateway() throws Exception {
        Map<String, String> serviceToken = Map.of("Authorization", "Bearer " + tokens.service("media-service"));
        int before = service.seen().size();

        assertThat(send("GET", "/api/sources/search", serviceToken).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/movies", serviceToken).statusCode()).isEqualTo(403);
        assertThat(service.seen().size() - before).isZero();
    }

    @Test
    void publicPathsNeedNoTokenAndAStaleCookieDoesNotBlockThem() throws Exception {
        Map<String, String> stale = Map.of("Cookie", "ht_access=expired.garbage.token");

        assertThat(send("POST", "/api/auth/login", stale).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/auth/register", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/.well-known/jwks.json", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/auth/oauth/github/authorize", stale).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/oauth/token", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/users/me", Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
    }

    /**
     * Hardening issue, finding 2: no spelling of an API path reaches a service without a token — sent over a
     * raw socket so that no client tidies the path first.
     */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void noSpellingOfAnApiPathReachesAServiceWithoutAToken() throws Exception {
        List<String> spellings = List.of(
                "/api/downloads",
                "/%61pi/downloads",
                "/api/%64ownloads",
                "/api;x=y/downloads",
                "/api/downloads;jsessionid=1",
                "//api/downloads",
                "/api//downloads",
                "/./api/downloads",
                "/api/./downloads",
                "/x/../api/downloads",
                "/actuator/health/../../api/downloads",
                "/actuator/health/..;/..;/api/downloads",
                "/%2e/api/downloads",
                "/API/downloads",
                "/api/downloads/",
                "/api%2Fdownloads",
                "/api%2fdownloads",
                "/api%5Cdownloads",
                "/api/downloads%00",
                "/stream/proxy/..%2F..%2Fapi%2Fdownloads");
        int before = service.seen().size();
        for (String spelling : spellings) {
            int status = rawStatus(spelling);
            assertThat(status).as("GET %s without a token", spelling).isIn(400, 401, 404);
        }
        assertThat(service.seen().size() - before)
                .as("requests that reached a service")
                .isZero();
    }

    private int rawStatus(String rawPath) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(statusLine).as("answer to %s", rawPath).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /**
     * Hardening issue, finding 9: tokens with made-up key ids cause at most one JWKS fetch per 30 s, and
     * genuine tokens, and an expired one with the real key id, never stop others from passing.
     */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void madeUpKeyIdsDoNotMakeTheGatewayFetchTheKeysForEachToken() throws Exception {
        String genuine = "Bearer " + tokens.user(UUID.randomUUID());
        assertThat(send("GET", "/api/movies", Map.of("Authorization", genuine)).statusCode())
                .isEqualTo(200);
        long fetchesBefore = jwksFetches();

        for (int i = 0; i < 30; i++) {
            RSAKey made = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
            String forged = TestTokens.sign(
                    made, UUID.randomUUID().toString(), "user", "hypertube", "hypertube", Duration.ofMinutes(5));
            assertThat(send("GET", "/api/movies", Map.of("Authorization", "Bearer " + forged))
                            .statusCode())
                    .isEqualTo(401);
        }
        String expired = TestTokens.sign(
                tokens.key, UUID.randomUUID().toString(), "user", "hypertube", "hypertube", Duration.ofMinutes(-5));
        assertThat(send("GET", "/api/movies", Map.of("Authorization", "Bearer " + expired))
                        .statusCode())
                .isEqualTo(401);

        assertThat(jwksFetches() - fetchesBefore)
                .as("JWKS fetches for 30 made-up key ids")
                .isLessThanOrEqualTo(1);
        String another = "Bearer " + tokens.user(UUID.randomUUID());
        assertThat(send("GET", "/api/movies", Map.of("Authorization", another)).statusCode())
                .isEqualTo(200);
    }

    private long jwksFetches() {
        return service.seen().stream()
                .filter(seen -> seen.path().equals("/.well-known/jwks.json"))
                .count();
    }

    /** Hardening issue, finding 9: the gateway's metrics are for admins; its health says UP or DOWN only. */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void theGatewaysMetricsAreForAdminsAndItsHealthTellsNoDetails() throws Exception {
        String user = "Bearer " + tokens.user(UUID.randomUUID());
        String client = "Bearer " + tokens.client("reader");
        String admin = "Bearer " + tokens.admin(UUID.randomUUID());

        assertThat(send("GET", "/actuator/prometheus", Map.of("Authorization", user))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/actuator/prometheus", Map.of("Authorization", client))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", Map.of("Authorization", admin));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> health = send("GET", "/actuator/health", Map.of());
        assertThat(health.body()).contains("\"status\"").doesNotContain("components", "diskSpace");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/", Map.of());

        // No inline script, no eval (the Swagger UI needs inline styles); blob: for hls.js's media and worker;
        // covers from TMDB and YTS.
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'")
                .contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline';")
                .contains("media-src 'self' blob:")
                .contains("worker-src 'self' blob:")
                .contains("https://image.tmdb.org", "https://yts.mx")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(send("GET", "/api/movies", Map.of()).headers().firstValue("X-Content-Type-Options"))
                .hasValue("nosniff");
    }

    @Test
    void corsIsOpenToConfiguredOriginsOnly() throws Exception {
        HttpResponse<String> friend = send(
                "OPTIONS",
                "/api/movies/popular",
                Map.of(
                        "Origin",
                        "https://friends.example.org",
                        "Access-Control-Request-Method",
                        "GET",
                        "Access-Control-Request-Headers",
                        "authorization"));
        HttpResponse<String> stranger = send(
                "OPTIONS",
                "/api/movies/popular",
                Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "GET"));

        assertThat(friend.statusCode()).isEqualTo(200);
        assertThat(friend.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://friends.example.org");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    // One client for all the tests, as a browser would be: its connections are kept alive and reused.
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static StubService start(StubService.Answer answer) {
        try {
            return new StubService(answer);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
