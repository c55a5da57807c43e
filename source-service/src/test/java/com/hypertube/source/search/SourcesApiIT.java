package com.hypertube.source.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.FakeProvider;
import com.hypertube.source.SourceTestConfiguration;
import com.hypertube.source.provider.FoundSource;
import com.hypertube.testinfra.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sources API in the running service, with fake providers, real Postgres, and the clock moved by hand. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class SourcesApiIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long GB = 1L << 30;

    @LocalServerPort
    int port;

    @Autowired
    FakeProvider alpha;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFilmsSourcesComeRankedWithReasonsProvidersStatusesAndStoredRows() throws Exception {
        alpha.offer(
                "tt0000101",
                List.of(
                        source("Film.2020.1080p.BluRay.x265.DTS-A", 500, 5 * GB),
                        source("Film.2020.1080p.WEB-DL.AAC.H264-B.mp4", 40, 2 * GB),
                        source("Film.2020.CAM.x264-C", 5000, GB),
                        source("Film.2020.720p.WEB-DL.AAC.H264-D.mp4", 0, GB)));

        String now = clock.instant().toString(); // the clock is stopped: the search happens at this instant
        HttpResponse<String> response = get("/api/sources/movies/tt0000101?title=Film&year=2020");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        JsonNode sources = body.get("sources");
        assertThat(sources.valueStream().map(s -> s.get("name").asString()))
                .containsExactly(
                        "Film.2020.1080p.WEB-DL.AAC.H264-B.mp4",
                        "Film.2020.1080p.BluRay.x265.DTS-A",
                        "Film.2020.CAM.x264-C",
                        "Film.2020.720p.WEB-DL.AAC.H264-D.mp4");
        JsonNode best = sources.get(0);
        assertThat(best.get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("40 seeders", "1080p, as you prefer", "plays directly in the browser");
        assertThat(best.get("playback").asString()).isEqualTo("direct");
        assertThat(best.get("quality").asString()).isEqualTo("1080p");
        assertThat(best.get("videoCodec").asString()).isEqualTo("h264");
        assertThat(best.get("container").asString()).isEqualTo("mp4");
        assertThat(best.get("measuredAt").asString()).isEqualTo(now);
        assertThat(best.get("magnet").asString()).startsWith("magnet:?xt=urn:btih:");
        assertThat(sources.get(1).get("reasons").valueStream().map(JsonNode::asString))
                .contains("needs conversion: HEVC video, DTS audio");
        assertThat(sources.get(1).get("playback").asString()).isEqualTo("convert");

        Map<String, JsonNode> providers = new HashMap<>();
        body.get("providers")
                .valueStream()
                .forEach(p -> providers.put(p.get("name").asString(), p));
        assertThat(providers.get("Alpha").get("status").asString()).isEqualTo("answered");
        assertThat(providers.get("Alpha").get("count").asInt()).isEqualTo(4);
        assertThat(providers.get("Broken").get("status").asString()).isEqualTo("failed");
        assertThat(providers.get("Broken").get("count").asInt()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM torrent_sources WHERE imdb_id = 'tt0000101'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        Map<String, Object> row = jdbc.sql("""
                        SELECT provider, seeders, quality, video_codec, audio_codec, measured_at, magnet,
                               array_length(trackers, 1) AS trackers
                        FROM torrent_sources WHERE imdb_id = 'tt0000101' AND release_name LIKE '%-A'""").query().singleRow();
        assertThat(row)
                .containsEntry("provider", "Alpha")
                .containsEntry("seeders", 500)
                .containsEntry("quality", "1080p")
                .containsEntry("video_codec", "HEVC")
                .containsEntry("audio_codec", "DTS")
                .containsEntry("trackers", 1);
        assertThat(row.get("measured_at")).isNotNull();
    }

    @Test
    void aSecondIdenticalRequestWithinTheHourAsksNoProviderAndAnotherQualityNeither() throws Exception {
        alpha.offer("tt0000202", List.of(source("Film.2020.1080p.WEB-DL.AAC.H264-A.mp4", 10, 2 * GB)));

        assertThat(get("/api/sources/movies/tt0000202").statusCode()).isEqualTo(200);
        int asked = alpha.calls();
        clock.advance(Duration.ofMinutes(59));
        assertThat(get("/api/sources/movies/tt0000202").statusCode()).isEqualTo(200);
        HttpResponse<String> otherQuality = get("/api/sources/movies/tt0000202?quality=720p");
        assertThat(alpha.calls()).isEqualTo(asked);
        assertThat(JSON.readTree(otherQuality.body())
                        .get("sources")
                        .get(0)
                        .get("reasons")
                        .get(1)
                        .asString())
                .isEqualTo("1080p, above the 720p you prefer");

        clock.advance(Duration.ofMinutes(2)); // an hour and a minute after the first search
        assertThat(get("/api/sources/movies/tt0000202").statusCode()).isEqualTo(200);
        assertThat(alpha.calls()).isEqualTo(asked + 1);
    }

    @Test
    void anEpisodesSourcesAreStoredWithItsSeasonAndEpisode() throws Exception {
        alpha.offer("tt0000303", List.of(episode("Show.S02E05.1080p.WEB.H264.AAC-A.mkv", 2, 5)));

        HttpResponse<String> response = get("/api/sources/shows/tt0000303/seasons/2/episodes/5?title=Show");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .get("sources")
                        .get(0)
                        .get("playback")
                        .asString())
                .isEqualTo("remux");
        assertThat(jdbc.sql("SELECT season, episode FROM torrent_sources WHERE imdb_id = 'tt0000303'")
                        .query()
                        .singleRow())
                .containsEntry("season", 2)
                .containsEntry("episode", 5);
    }

    @Test
    void aFreeSearchAsksTheProvidersByWordsAndRanks() throws Exception {
        alpha.offer(
                "words:night of the living",
                List.of(
                        source("Night.of.the.Living.Dead.1968.720p.BluRay.x264.AAC-A.mp4", 30, GB),
                        source("Night.of.the.Living.Dead.1968.1080p.BluRay.x264.AAC-B.mp4", 30, 2 * GB)));

        HttpResponse<String> response = get("/api/sources/search?query=night%20of%20the%20living");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(response.body()).get("sources").get(0);
        assertThat(first.get("name").asString()).contains("1080p");
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(2 * GB);
        assertThat(first.get("seeders").asInt()).isEqualTo(30);
    }

    @Test
    void badParametersAreProblemsOfTheirOwnKindAndAskNoProvider() throws Exception {
        int asked = alpha.calls();
        Map<String, String> kinds = Map.of(
                "/api/sources/movies/nm0000206",
                "invalid-imdb-id",
                "/api/sources/movies/tt12345678901",
                "invalid-imdb-id",
                "/api/sources/movies/tt0000101?year=1869",
                "invalid-year",
                "/api/sources/movies/tt0000101?quality=4k",
                "invalid-quality",
                "/api/sources/shows/tt0000303/seasons/1001/episodes/1",
                "invalid-season",
                "/api/sources/shows/tt0000303/seasons/1/episodes/10001",
                "invalid-episode",
                "/api/sources/shows/xx1/seasons/1/episodes/1",
                "invalid-imdb-id",
                "/api/sources/search?query=%20",
                "invalid-query",
                "/api/sources/search?query=" + "a".repeat(201),
                "invalid-query",
                "/api/sources/search",
                "invalid-query");
        for (Map.Entry<String, String> bad : kinds.entrySet()) {
            HttpResponse<String> response = get(bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(bad.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("type").asString())
                    .as(bad.getKey())
                    .endsWith(bad.getValue());
        }
        assertThat(alpha.calls()).isEqualTo(asked);
    }

    @Test
    void nobodyIdentifiedGetsNoSources() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sources/movies/tt1"))
                .GET()
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aFoundTorrentsTrackersAreKnownByItsHash() throws Exception {
        FoundSource found = source("Known.2021.1080p.WEB-DL.AAC.H264-K.mp4", 12, 2 * GB);
        alpha.offer("tt0000777", List.of(found));
        assertThat(get("/api/sources/movies/tt0000777?title=Known").statusCode())
                .isEqualTo(200);

        HttpResponse<String> known =
                get("/api/sources/trackers/" + found.infoHash().toUpperCase());
        HttpResponse<String> unknown = get("/api/sources/trackers/" + "f".repeat(40));
        HttpResponse<String> invalid = get("/api/sources/trackers/not-a-hash");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(known.body()).valueStream().map(JsonNode::asString))
                .containsExactly("http://127.0.0.1:9/announce");
        assertThat(unknown.body()).isEqualTo("[]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid-info-hash");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-User-Name", "tester")
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static FoundSource source(String name, int seeders, long size) {
        return found(name, seeders, size, null, null);
    }

    private static FoundSource episode(String name, int season, int episode) {
        return found(name, 25, 900L << 20, season, episode);
    }

    private static FoundSource found(String name, int seeders, long size, Integer season, Integer episode) {
        String hash = "%040x".formatted(name.hashCode() & 0xffffffffL);
        return new FoundSource(
                hash,
                "magnet:?xt=urn:btih:" + hash,
                name,
                size,
                seeders,
                3,
                "Alpha",
                // A closed local port: the swarm-health test's rounds also see these rows and fail them at once.
                List.of("http://127.0.0.1:9/announce"),
                null,
                season,
                episode);
    }
}
