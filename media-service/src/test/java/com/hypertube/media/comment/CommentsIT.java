package com.hypertube.media.comment;

import static com.hypertube.media.support.MediaClient.ADMIN;
import static com.hypertube.media.support.MediaClient.ALICE;
import static com.hypertube.media.support.MediaClient.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.media.support.Json;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.MediaTestConfiguration;
import com.hypertube.media.support.Titles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who may post, edit and delete comments, and that what users write comes back exactly as text. */
class CommentsIT extends MediaIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String body(String comment) {
        return JSON.writeValueAsString(java.util.Map.of("comment", comment));
    }

    private JsonNode post(UUID user, UUID film, String comment) {
        var response = api.as(user, "POST", "/api/movies/" + film + "/comments", body(comment));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.read(response.body());
    }

    @Test
    void theAuthorComesFromTheTokenNeverTheBody() {
        UUID film = Titles.film(jdbc, "Film", 2001, 1);
        String forged = "{\"comment\":\"hello\",\"authorId\":\"%s\",\"username\":\"bob\"}".formatted(BOB);

        var response = api.as(ALICE, "POST", "/api/movies/" + film + "/comments", forged);

        JsonNode comment = Json.read(response.body());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(comment.path("authorId").asString()).isEqualTo(ALICE.toString());
        assertThat(comment.path("username").asString()).isEqualTo("alice");
        assertThat(comment.path("date").asString()).isNotBlank();
        assertThat(response.headers().firstValue("Location"))
                .contains("/api/comments/" + comment.path("id").asString());
    }

    @Test
    void onlyTheAuthorEditsAndTheAuthorOrAnAdministratorDeletes() {
        UUID film = Titles.film(jdbc, "Film", 2001, 1);
        String mine = post(ALICE, film, "first").path("id").asString();
        String another = post(ALICE, film, "second").path("id").asString();

        assertThat(api.as(BOB, "PATCH", "/api/comments/" + mine, body("bob was here"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.as(ADMIN, "PATCH", "/api/comments/" + mine, body("admin edit"))
                        .statusCode())
                .as("an administrator deletes, never puts words in a user's mouth")
                .isEqualTo(403);
        assertThat(api.as(BOB, "DELETE", "/api/comments/" + mine, null).statusCode())
                .isEqualTo(403);
        assertThat(api.asClient("DELETE", "/api/comments/" + mine, null).statusCode())
                .isEqualTo(403);

        MediaTestConfiguration.CLOCK.advance(java.time.Duration.ofMinutes(3));
        var edited = api.as(ALICE, "PATCH", "/api/comments/" + mine, body("first, edited"));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(Json.read(edited.body()).path("content").asString()).isEqualTo("first, edited");
        assertThat(Json.read(edited.body()).path("editedAt").isNull()).isFalse();

        assertThat(api.as(ADMIN, "DELETE", "/api/comments/" + another, null).statusCode())
                .isEqualTo(204);
        assertThat(api.as(ALICE, "DELETE", "/api/comments/" + mine, null).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/comments/" + mine).statusCode()).isEqualTo(404);
        assertThat(api.as(ALICE, "DELETE", "/api/comments/" + mine, null).statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert('x')</script>",
                "'; DROP TABLE comments; --",
                "Robert\"); DELETE FROM titles WHERE (\"1\"=\"1",
                "Ünïcödé: 日本語 — 🎬🍿 — עברית",
                "line one\nline two\ttabbed",
                "{{7*7}} ${7*7} %s %n"
            })
    void whatUsersWriteComesBackExactlyAsText(String text) {
        UUID film = Titles.film(jdbc, "Film", 2001, 1);

        String id = post(ALICE, film, text).path("id").asString();

        assertThat(Json.read(api.get("/api/comments/" + id).body())
                        .path("content")
                        .asString())
                .isEqualTo(text);
        assertThat(api.get("/api/comments/" + id).headers().firstValue("Content-Type"))
                .contains("application/json");
        assertThat(jdbc.sql("SELECT count(*) FROM titles").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void emptyHugeAndControlCharacterCommentsAreHandled() {
        UUID film = Titles.film(jdbc, "Film", 2001, 1);

        assertThat(api.as(ALICE, "POST", "/api/movies/" + film + "/comments", body("   "))
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.as(ALICE, "POST", "/api/movies/" + film + "/comments", body("x".repeat(10_240)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.as(ALICE, "POST", "/api/movies/" + film + "/comments", "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(ALICE, film, "bell\u0007 and nul-free").path("content").asString())
                .isEqualTo("bell and nul-free");
        assertThat(post(ALICE, film, "é".repeat(2000)).path("content").asString())
                .hasSize(2000);
        assertThat(api.as(ALICE, "POST", "/api/movies/" + UUID.randomUUID() + "/comments", body("hi"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.asClient("POST", "/api/movies/" + film + "/comments", body("hi"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void pagesOfCommentsPostedInTheSameInstantSkipNone() {
        UUID film = Titles.film(jdbc, "Busy", 2001, 1);
        for (int i = 0; i < 55; i++) {
            post(ALICE, film, "comment " + i); // the test clock is stopped: all in one instant
        }

        JsonNode first = Json.read(api.get("/api/movies/" + film + "/comments").body());
        JsonNode last = first.get(first.size() - 1);
        JsonNode second = Json.read(api.get("/api/movies/" + film + "/comments?before="
                        + last.path("date").asString() + "&beforeId="
                        + last.path("id").asString())
                .body());

        java.util.Set<String> seen = new java.util.HashSet<>(Json.texts(first, "id"));
        seen.addAll(Json.texts(second, "id"));
        assertThat(first.size()).isEqualTo(50);
        assertThat(second.size()).isEqualTo(5);
        assertThat(seen).hasSize(55);
    }

    @Test
    void latestCommentsComeNewestFirstAcrossTitles() {
        UUID one = Titles.film(jdbc, "One", 2001, 1);
        UUID two = Titles.film(jdbc, "Two", 2001, 1);
        post(ALICE, one, "on one");
        MediaTestConfiguration.CLOCK.advance(java.time.Duration.ofSeconds(1));
        post(BOB, two, "on two");

        JsonNode latest = Json.read(api.get("/api/comments").body());
        JsonNode ofOne = Json.read(api.get("/api/movies/" + one + "/comments").body());

        assertThat(Json.texts(latest, "content")).containsExactly("on two", "on one");
        assertThat(Json.texts(latest, "username")).containsExactly("bob", "alice");
        assertThat(Json.texts(ofOne, "content")).containsExactly("on one");
        assertThat(Json.read(api.get("/api/movies/" + one).body())
                        .path("commentCount")
                        .asInt())
                .isEqualTo(1);
    }
}
