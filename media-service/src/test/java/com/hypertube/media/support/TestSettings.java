package com.hypertube.media.support;

import com.hypertube.media.MediaProperties;
import java.net.URI;
import java.time.Duration;

/** Settings as the service's defaults give them, pointed at fakes, for tests that build clients by hand. */
public final class TestSettings {

    private TestSettings() {}

    /**
     * With the TMDB read timeout given: the default is 800 ms, but a test that is not about timeouts wants one a
     * loaded CI machine cannot reach by accident (a fake's first, still cold, answer took longer once).
     */
    public static MediaProperties pointingAt(
            URI tmdb, String apiKey, String readToken, URI omdb, String omdbKey, Duration tmdbReadTimeout) {
        return new MediaProperties(
                URI.create("http://localhost:8080"),
                new MediaProperties.Tmdb(
                        tmdb,
                        apiKey,
                        readToken,
                        URI.create("https://image.tmdb.org/t/p"),
                        "w342",
                        "w1280",
                        Duration.ofSeconds(2),
                        tmdbReadTimeout,
                        Duration.ofMillis(500),
                        Duration.ofHours(24),
                        1000),
                new MediaProperties.Omdb(omdb, omdbKey, Duration.ofMillis(800), 40, Duration.ofDays(30)),
                new MediaProperties.Sync(
                        false,
                        Duration.ofHours(1),
                        1,
                        Duration.ofMinutes(90),
                        100,
                        Duration.ofDays(7),
                        Duration.ofHours(1)),
                new MediaProperties.Comments(2000),
                new MediaProperties.Sources(tmdb, Duration.ofSeconds(2)),
                Duration.ofSeconds(30),
                null);
    }
}
