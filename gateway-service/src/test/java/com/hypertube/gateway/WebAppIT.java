package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web app (module web-ui) served by the gateway: its routes answered with its page so deep links work
 * after a reload, its hashed files cached for a year, an unknown page answered with the app (its 404), and the
 * services' paths — the public API's {@code /movies}, {@code /comments}, {@code /users} included — never
 * taken by the app, whatever the browser accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppIT {

    static final TestTokens tokens = new TestTokens();

    static final StubService service = start((exchange, call) -> {
        if (exchange.getRequestURI().getPath().equals("/.well-known/jwks.json")) {
            StubService.reply(exchange, 200, tokens.jwks());
            return;
        }
        StubService.reply(
                exchange, 200, "service answered " + exchange.getRequestURI().getPath());
    });

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        service.answerForEveryService(registry);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyRouteOfTheAppIsAnsweredWithItsPageSoDeepLinksWorkAfterAReload() throws Exception {
        for (String path : List.of(
                "/",
                "/library?kind=show&q=dune",
                "/titles/movie/0b7e2a52-5c8e-4f7e-9a55-0c3f1d7e6b10",
                "/watch/0123456789abcdef0123456789abcdef01234567?file=0",
                "/play",
                "/me",
                "/people/0b7e2a52-5c8e-4f7e-9a55-0c3f1d7e6b10",
                "/sign-in",
                "/sign-up",
                "/sign-up/complete",
                "/reset-password",
                "/signin?error=oauth-denied",
                "/profile")) {
            HttpResponse<String> page = send("GET", path, Map.of("Accept", HTML));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/html"));
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
        }
        assertThat(send("HEAD", "/library", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void thePageHasNoInlineScriptAndItsHashedFilesAreCachedForAYearAndSentCompressed() throws Exception {
        String page = send("GET", "/sign-in", Map.of("Accept", HTML)).body();
        assertThat(page).doesNotContain("<script>").doesNotContain("<style");
        Matcher script = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"")
                .matcher(page);
        assertThat(script.find()).as("the app's script in %s", page).isTrue();

        HttpResponse<String> asset = send("GET", script.group(1), Map.of());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000", "immutable"));

        // Sent compressed to a browser that takes it (the first page's JavaScript is a third of its size so).
        HttpResponse<byte[]> compressed = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + script.group(1)))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body())).readAllBytes();
        assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(asset.body());
        assertThat(compressed.body().length).isLessThan(unzipped.length / 2);

        HttpResponse<String> missing = send("GET", "/assets/no-such-file.js", Map.of("Accept", "*/*"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownPageIsTheAppsNotFoundPageForABrowserAndAProblemForEveryoneElse() throws Exception {
        // 200, as single-page apps answer (a 404 document would be an error in the console); the app says 404.
        HttpResponse<String> browser = send("GET", "/no/such/page", Map.of("Accept", HTML));
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(browser.body()).contains("<div id=\"root\"></div>");

        HttpResponse<String> program = send("GET", "/no/such/page", Map.of("Accept", "application/json"));
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> api = send(
                "GET",
                "/api/no-such-area/1",
                Map.of("Accept", HTML, "Authorization", "Bearer " + tokens.user(UUID.randomUUID())));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theServicesPathsStayWithTheServicesEvenForABrowser() throws Exception {
        String user = "Bearer " + tokens.user(UUID.randomUUID());
        for (String path : List.of("/users", "/users/42", "/movies", "/comments", "/api/movies", "/api/users/me")) {
            HttpResponse<String> answer = send("GET", path, Map.of("Accept", HTML, "Authorization", user));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isEqualTo("service answered " + path);
        }
        for (String path : List.of("/users", "/movies/1", "/api/library/continue", "/stream/proxy/abc")) {
            HttpResponse<String> anonymous = send("GET", path, Map.of("Accept", HTML));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

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
