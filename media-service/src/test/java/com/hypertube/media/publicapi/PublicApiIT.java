package com.hypertube.media.publicapi;

import static com.hypertube.media.support.MediaClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.contract.events.SubtitlesFoundEvent;
import com.hypertube.media.support.Json;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.Titles;
import com.hypertube.web.events.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The subject's public API at its exact paths: every path and method, as a user and as an API client. */
class PublicApiIT extends MediaIT {

    @Autowired
    EventPublisher events;

    @Test
    void theFrontPageListsFilmsWithTheirIdAndName() {
        UUID popular = Titles.film(jdbc, "Popular", 2001, 50);
        Titles.film(jdbc, "Less popular", 2002, 5);

        var response = api.asClient("GET", "/movies", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = Json.read(response.body());
        assertThat(Json.texts(page.path("items"), "name")).containsExactly("Popular", "Less popular");
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(popular.toString());
    }

    @Test
    void aFilmHasTheFieldsTheSubjectNames() {
        UUID film = Titles.film(jdbc, "A Film", 2001, 1);
        jdbc.sql("UPDATE titles SET rating = 8.4, rating_source = 'imdb', runtime_minutes = 101 WHERE id = ?")
                .param(film)
                .update();
        api.as(ALICE, "POST", "/movies/" + film + "/comments", "{\"comment\":\"good\"}");

        JsonNode movie = Json.read(api.asClient("GET", "/movies/" + film, null).body());

        assertThat(movie.path("id").asString()).isEqualTo(film.toString());
        assertThat(movie.path("name").asString()).isEqualTo("A Film");
        assertThat(movie.path("imdbRating").asDouble()).isEqualTo(8.4);
        assertThat(movie.path("year").asInt()).isEqualTo(2001);
        assertThat(movie.path("length").asInt()).isEqualTo(101);
        assertThat(movie.path("availableSubtitles").isArray()).isTrue();
        assertThat(movie.path("availableSubtitles")).isEmpty();
        assertThat(movie.path("commentCount").asInt()).isEqualTo(1);
    }

    @Test
    void aFilmsAvailableSubtitlesAreTheLanguagesStreamingFoundForIt() {
        UUID film = Titles.film(jdbc, "A Film", 2001, 1);
        jdbc.sql("UPDATE titles SET imdb_id = 'tt0133093' WHERE id = ?")
                .param(film)
                .update();
        Instant at = Instant.parse("2026-12-01T12:00:00Z");

        // As streaming-service says it over RabbitMQ: a film's languages; an episode's and junk are let go.
        events.publish(new SubtitlesFoundEvent("tt0133093", 0, 0, List.of("fr", "en", "<b>", "english"), at));
        events.publish(new SubtitlesFoundEvent("tt0133093", 1, 2, List.of("de"), at));
        events.publish(new SubtitlesFoundEvent("tt0133093", 0, 0, List.of("es", "en"), at));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        Json.read(api.asClient("GET", "/movies/" + film, null).body())
                                .path("availableSubtitles")
                                .valueStream()
                                .map(JsonNode::asString))
                .containsExactly("en", "es", "fr"));
    }

    @Test
    void commentsHaveEveryPathTheSubjectNames() {
        UUID film = Titles.film(jdbc, "A Film", 2001, 1);

        var posted = api.as(
                ALICE, "POST", "/comments", "{\"movieId\":\"%s\",\"comment\":\"via /comments\"}".formatted(film));
        String id = Json.read(posted.body()).path("id").asString();

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(api.asClient("GET", "/comments", null).statusCode()).isEqualTo(200);
        assertThat(Json.read(api.asClient("GET", "/comments/" + id, null).body())
                        .path("username")
                        .asString())
                .isEqualTo("alice");
        assertThat(api.as(ALICE, "PATCH", "/comments/" + id, "{\"comment\":\"edited\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.asClient("GET", "/movies/" + film + "/comments", null).body())
                .contains("edited");
        assertThat(api.as(ALICE, "DELETE", "/comments/" + id, null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void otherMethodsAndUnknownIdsGetTheRightStatusAsProblems() {
        UUID film = Titles.film(jdbc, "A Film", 2001, 1);

        var put = api.as(ALICE, "PUT", "/movies/" + film, "{}");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(put.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.as(ALICE, "DELETE", "/movies", null).statusCode()).isEqualTo(405);
        assertThat(api.as(ALICE, "PUT", "/comments", "{}").statusCode()).isEqualTo(405);
        assertThat(api.asClient("GET", "/movies/" + UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);
        assertThat(api.asClient("GET", "/movies/not-an-id", null).statusCode()).isEqualTo(400);
        assertThat(api.asClient("GET", "/comments/" + UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void nobodyIdentifiedGetsNothing() {
        Titles.film(jdbc, "A Film", 2001, 1);

        for (String path :
                new String[] {"/movies", "/comments", "/api/movies", "//movies", "/movies;x=1", "/%6Dovies"}) {
            var response = api.send("GET", path, null);
            assertThat(response.statusCode()).as(path).isIn(400, 401);
            assertThat(response.body()).as(path).doesNotContain("A Film");
        }
    }
}
