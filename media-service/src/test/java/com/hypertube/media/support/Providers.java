package com.hypertube.media.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Answers of the TMDB and OMDb fakes, from fixtures written in their documented formats. */
public final class Providers {

    private Providers() {}

    public static String fixture(String name) {
        try (var in = Providers.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TMDB answers {@code path} (under its API root) with a fixture of {@code src/test/resources/tmdb}. */
    public static void tmdb(String path, String fixture) {
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/tmdb" + path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(fixture("tmdb/" + fixture))));
    }

    /** TMDB answers {@code path} asked in one language with a fixture (other languages keep their answer). */
    public static void tmdbInLanguage(String path, String language, String fixture) {
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/tmdb" + path))
                .withQueryParam("language", equalTo(language))
                .atPriority(1)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(fixture("tmdb/" + fixture))));
    }

    public static void tmdbStatus(String path, int status, String fixture, int delayMillis) {
        MediaTestConfiguration.PROVIDERS.stubFor(get(urlPathEqualTo("/tmdb" + path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(fixture("tmdb/" + fixture))));
    }

    /** How many times TMDB was asked for {@code path}. */
    public static int tmdbCalls(String path) {
        return MediaTestConfiguration.PROVIDERS
                .findAll(getRequestedFor(urlPathEqualTo("/tmdb" + path)))
                .size();
    }

    /** The films, series and genres a list refresh reads: three films, one series. */
    public static void tmdbLists() {
        tmdb("/movie/popular", "popular-movies.json");
        tmdb("/trending/movie/week", "empty-page.json");
        tmdb("/tv/popular", "popular-tv.json");
        tmdb("/trending/tv/week", "empty-page.json");
        tmdb("/genre/movie/list", "genres-movie-en.json");
        tmdb("/genre/tv/list", "genres-movie-en.json");
        tmdb("/search/movie", "empty-page.json");
        tmdb("/search/tv", "empty-page.json");
        tmdb("/movie/603", "movie-603.json");
        tmdb("/tv/1396", "tv-1396.json");
        tmdb("/tv/1396/season/1", "tv-1396-season-1.json");
    }

    public static void reset() {
        MediaTestConfiguration.PROVIDERS.resetAll();
    }
}
