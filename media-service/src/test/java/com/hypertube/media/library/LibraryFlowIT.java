package com.hypertube.media.library;

import static com.hypertube.media.support.MediaClient.ALICE;
import static com.hypertube.media.support.MediaClient.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.contract.events.Events;
import com.hypertube.contract.events.TitleWatchedEvent;
import com.hypertube.media.support.Json;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.MediaTestConfiguration;
import com.hypertube.media.support.Titles;
import com.hypertube.testinfra.EventCapture;
import com.hypertube.web.events.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The player's reports, "continue watching", the history and watch counts. */
class LibraryFlowIT extends MediaIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ConnectionFactory connections;

    private JsonNode report(UUID user, UUID title, int position, int duration) {
        var response = api.as(
                user,
                "PUT",
                "/api/library/progress",
                "{\"titleId\":\"%s\",\"positionSeconds\":%d,\"durationSeconds\":%d}"
                        .formatted(title, position, duration));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    private JsonNode get(UUID user, String path) {
        var response = api.as(user, "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    @Test
    void startedFilmsAreOfferedToResumeAndFinishedOnesAreWatched() {
        UUID started = Titles.film(jdbc, "Started", 2001, 1);
        UUID barely = Titles.film(jdbc, "Barely started", 2002, 1);
        UUID finished = Titles.film(jdbc, "Finished", 2003, 1);

        assertThat(report(ALICE, started, 3000, 6000).path("resumable").asBoolean())
                .isTrue();
        assertThat(report(ALICE, barely, 100, 6000).path("resumable").asBoolean())
                .isFalse();
        JsonNode done = report(ALICE, finished, 5450, 6000);

        assertThat(done.path("watched").asBoolean()).isTrue();
        assertThat(get(ALICE, "/api/library/continue").size()).isEqualTo(1);
        assertThat(get(ALICE, "/api/library/continue")
                        .get(0)
                        .path("title")
                        .path("title")
                        .asString())
                .isEqualTo("Started");
        assertThat(get(ALICE, "/api/library/continue")
                        .get(0)
                        .path("progress")
                        .path("positionSeconds")
                        .asInt())
                .isEqualTo(3000);
        assertThat(get(ALICE, "/api/library/history")).hasSize(3);
        assertThat(get(BOB, "/api/library/continue"))
                .as("another user's list is their own")
                .isEmpty();

        JsonNode list = get(ALICE, "/api/movies?sort=name");
        assertThat(list.path("items").get(1).path("title").asString()).isEqualTo("Finished");
        assertThat(list.path("items").get(1).path("watched").asBoolean()).isTrue();
        assertThat(list.path("items").get(2).path("inProgress").asBoolean()).isTrue();
        assertThat(get(BOB, "/api/movies?sort=name")
                        .path("items")
                        .get(1)
                        .path("watched")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void watchedStaysWatchedAndEachUserCountsOnce() {
        UUID film = Titles.film(jdbc, "Counted", 2001, 1);
        UUID other = Titles.film(jdbc, "Other", 2001, 1);

        report(ALICE, film, 5500, 6000);
        report(ALICE, film, 10, 6000);
        report(ALICE, film, 5900, 6000);
        report(BOB, film, 5800, 6000);
        report(BOB, other, 5800, 6000);

        assertThat(get(ALICE, "/api/library/progress/" + film).path("watched").asBoolean())
                .as("seeking back to re-watch a scene does not unmark it")
                .isTrue();
        assertThat(Json.texts(get(ALICE, "/api/movies?sort=watchCount").path("items"), "title"))
                .startsWith("Counted", "Other");
        assertThat(jdbc.sql("SELECT watch_count FROM titles WHERE id = ?")
                        .param(film)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void episodesAreTrackedOneByOne() {
        UUID show = UUID.randomUUID();
        jdbc.sql("INSERT INTO titles (id, kind, title, search_text, metadata_source) VALUES (?, 'show', 'A Show',"
                        + " 'a show', 'demo')")
                .param(show)
                .update();
        String body = "{\"titleId\":\"%s\",\"season\":1,\"episode\":2,\"positionSeconds\":600,\"durationSeconds\":2400}"
                .formatted(show);

        assertThat(api.as(ALICE, "PUT", "/api/library/progress", body).statusCode())
                .isEqualTo(200);

        JsonNode episode = get(ALICE, "/api/library/progress/" + show + "?season=1&episode=2");
        assertThat(episode.path("positionSeconds").asInt()).isEqualTo(600);
        assertThat(api.as(ALICE, "GET", "/api/library/progress/" + show + "?season=1&episode=3", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(ALICE, "/api/shows")
                        .path("items")
                        .get(0)
                        .path("inProgress")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theFirstReportPastTheThresholdTellsTheOtherServicesOnce() {
        UUID film = Titles.film(jdbc, "Announced", 2001, 1);
        UUID show = UUID.randomUUID();
        jdbc.sql("INSERT INTO titles (id, kind, title, search_text, metadata_source) VALUES (?, 'show', 'A Show',"
                        + " 'a show', 'demo')")
                .param(show)
                .update();
        String episode = "{\"titleId\":\"%s\",\"season\":2,\"episode\":%d,\"positionSeconds\":2300,"
                + "\"durationSeconds\":2400}";
        try (EventCapture watched = EventCapture.of(connections, Events.EXCHANGE, Events.TITLE_WATCHED)) {
            report(ALICE, film, 3000, 6000); // half-way: not watched
            report(ALICE, film, 5500, 6000); // past 90 %: watched
            report(ALICE, film, 5900, 6000); // still watched: nothing new
            assertThat(api.as(ALICE, "PUT", "/api/library/progress", episode.formatted(show, 1))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.as(ALICE, "PUT", "/api/library/progress", episode.formatted(show, 2))
                            .statusCode())
                    .isEqualTo(200);

            TitleWatchedEvent first = EventJson.read(watched.next(WAIT).orElseThrow(), TitleWatchedEvent.class);
            assertThat(first.userId()).isEqualTo(ALICE);
            assertThat(first.titleId()).isEqualTo(film);
            assertThat(first.season()).isZero();
            assertThat(first.episode()).isZero();
            assertThat(first.watchedAt()).isEqualTo(MediaTestConfiguration.CLOCK.instant());
            TitleWatchedEvent second = EventJson.read(watched.next(WAIT).orElseThrow(), TitleWatchedEvent.class);
            TitleWatchedEvent third = EventJson.read(watched.next(WAIT).orElseThrow(), TitleWatchedEvent.class);
            assertThat(List.of(second.titleId(), second.season(), second.episode()))
                    .containsExactly(show, 2, 1);
            assertThat(List.of(third.titleId(), third.season(), third.episode()))
                    .as("each episode is watched on its own")
                    .containsExactly(show, 2, 2);
            assertThat(watched.next(Duration.ofMillis(500)))
                    .as("no event for a film already watched")
                    .isEmpty();
        }
    }

    @Test
    void badReportsAreRefusedAndNothingIsStored() {
        UUID film = Titles.film(jdbc, "Film", 2001, 1);

        assertStatus(
                ALICE, "{\"titleId\":\"%s\",\"positionSeconds\":7000,\"durationSeconds\":6000}".formatted(film), 400);
        assertStatus(
                ALICE, "{\"titleId\":\"%s\",\"positionSeconds\":-1,\"durationSeconds\":6000}".formatted(film), 400);
        assertStatus(ALICE, "{\"titleId\":\"%s\",\"positionSeconds\":1,\"durationSeconds\":0}".formatted(film), 400);
        assertStatus(
                ALICE,
                "{\"titleId\":\"%s\",\"season\":1,\"positionSeconds\":1,\"durationSeconds\":9}".formatted(film),
                400);
        assertStatus(
                ALICE,
                "{\"titleId\":\"%s\",\"positionSeconds\":1,\"durationSeconds\":9}".formatted(UUID.randomUUID()),
                404);
        assertStatus(ALICE, "{\"titleId\":\"not-a-uuid\",\"positionSeconds\":1,\"durationSeconds\":9}", 400);
        assertStatus(ALICE, "not json", 400);
        assertThat(api.asClient(
                                "PUT",
                                "/api/library/progress",
                                "{\"titleId\":\"%s\",\"positionSeconds\":1,\"durationSeconds\":9}".formatted(film))
                        .statusCode())
                .as("an API client has no library")
                .isEqualTo(403);
        assertThat(api.asClient("GET", "/api/library/continue", null).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM progress")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void assertStatus(UUID user, String body, int status) {
        var response = api.as(user, "PUT", "/api/library/progress", body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
}
