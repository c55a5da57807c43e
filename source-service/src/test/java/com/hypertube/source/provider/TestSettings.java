package com.hypertube.source.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.hypertube.source.SourceProperties;
import com.hypertube.source.SourceProperties.Indexer;
import com.hypertube.source.SourceProperties.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Settings for providers built by hand in a test: short timeouts, no internet, fixtures by name. */
final class TestSettings {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    /** A generous rate, so that only the tests about the rate meet it. */
    static final Limits LIMITS = new Limits(Duration.ofSeconds(1), READ_TIMEOUT, 100, Duration.ZERO);

    static final List<String> YTS_TRACKERS =
            List.of("udp://tracker.opentrackr.org:1337/announce", "udp://open.demonii.com:1337/announce");

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/");

    private TestSettings() {}

    static SourceProperties yts(List<URI> mirrors, Limits limits) {
        return properties(
                new SourceProperties.Yts(mirrors, YTS_TRACKERS, limits),
                new SourceProperties.Eztv(NOWHERE, LIMITS),
                List.of(),
                null);
    }

    static SourceProperties eztv(URI apiUrl, Limits limits) {
        return properties(
                new SourceProperties.Yts(List.of(NOWHERE), YTS_TRACKERS, LIMITS),
                new SourceProperties.Eztv(apiUrl, limits),
                List.of(),
                null);
    }

    static SourceProperties torznab(List<Indexer> indexers) {
        return properties(
                new SourceProperties.Yts(List.of(NOWHERE), YTS_TRACKERS, LIMITS),
                new SourceProperties.Eztv(NOWHERE, LIMITS),
                indexers,
                null);
    }

    static SourceProperties localDir(String dir) {
        return properties(
                new SourceProperties.Yts(List.of(NOWHERE), YTS_TRACKERS, LIMITS),
                new SourceProperties.Eztv(NOWHERE, LIMITS),
                List.of(),
                dir);
    }

    private static SourceProperties properties(
            SourceProperties.Yts yts, SourceProperties.Eztv eztv, List<Indexer> indexers, String localDir) {
        return new SourceProperties(
                URI.create("http://localhost:8080"),
                Duration.ofSeconds(3),
                yts,
                eztv,
                new SourceProperties.Torznab(indexers, Duration.ofHours(1), LIMITS),
                localDir,
                new SourceProperties.SwarmHealth(
                        Duration.ofMinutes(30), 500, List.of(), Duration.ofMinutes(25), Duration.ofMinutes(30)),
                new SourceProperties.BackgroundSearch(
                        Duration.ofMinutes(5),
                        20,
                        Duration.ofHours(24),
                        Duration.ZERO,
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(15)));
    }

    /**
     * Starts a fake provider with its serving path warm. The first request of a fresh JVM takes about a second
     * (the JDK's HTTP client and WireMock load their classes), which is the order of the short read timeout the
     * tests use to keep timeout tests quick: one request before the test, then a reset, so it neither times out
     * by accident nor shows in the journal.
     */
    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/warm-up").willReturn(okJson("{}")));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl(server) + "/warm-up"))
                            .build(),
                    BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.resetAll();
        return server;
    }

    /** The fake's address by IP: "localhost" may resolve to ::1 first, where it does not listen. */
    static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** A fixture of src/test/resources, e.g. {@code yts/list-movies.json}. */
    static String fixture(String path) {
        try (InputStream in = TestSettings.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
