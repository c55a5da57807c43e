package com.hypertube.media.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.media.support.Json;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.MediaTestConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Films registered from a file (the demo library's): added once, refreshed, shown without TMDB, bad ones skipped. */
class RegisteredTitlesIT extends MediaIT {

    @Autowired
    RegisteredTitles registered;

    @TempDir
    Path temp;

    private Path file(String json) throws Exception {
        return Files.writeString(temp.resolve("catalog.json"), json);
    }

    private static final String DEMO = """
            {"titles": [
              {"title": "Lighthouse Keeper", "imdbId": "tt9900000001", "year": 2024, "runtimeMinutes": 1, "summary": "A keeper and a storm.",
               "genres": ["Drama", "Mystery"], "director": "Ada Demo", "cast": ["Bo Test", "Cy Clip"],
               "popularity": 300, "somethingNew": true},
              {"title": "Paper Orchard", "year": 2023, "genres": ["Animation"], "popularity": 200},
              {"title": "From the Future", "year": 3000},
              {"title": "Not an id", "imdbId": "nm0000001"},
              {"title": "  ", "year": 2020},
              {"year": 2020}
            ]}
            """;

    @Test
    void theValidFilmsAreAddedAndShownWithoutAskingTmdb() throws Exception {
        assertThat(registered.register(file(DEMO))).isEqualTo(2);

        JsonNode page = Json.read(api.get("/api/movies").body());
        assertThat(Json.texts(page.path("items"), "title")).containsExactly("Lighthouse Keeper", "Paper Orchard");
        String id = page.path("items").get(0).path("id").asString();
        JsonNode details = Json.read(api.get("/api/movies/" + id).body());
        assertThat(details.path("year").asInt()).isEqualTo(2024);
        assertThat(details.path("imdbId").asString()).isEqualTo("tt9900000001");
        assertThat(details.path("overview").asString()).isEqualTo("A keeper and a storm.");
        assertThat(details.path("director").asString()).isEqualTo("Ada Demo");
        assertThat(Json.texts(details.path("cast"), "name")).containsExactly("Bo Test", "Cy Clip");
        assertThat(details.path("genres").toString()).isEqualTo("[\"Drama\",\"Mystery\"]");
        assertThat(Json.texts(
                        Json.read(api.get("/api/movies?query=lighthose%20keper").body())
                                .path("items"),
                        "title"))
                .as("search forgives a typo here too")
                .containsExactly("Lighthouse Keeper");
        assertThat(MediaTestConfiguration.PROVIDERS.findAll(getRequestedFor(urlMatching("/tmdb/movie/.*"))))
                .isEmpty();
    }

    @Test
    void registeringAgainRefreshesAndNeverDuplicates() throws Exception {
        registered.register(file(DEMO));

        int stored = registered.register(file(DEMO.replace("A keeper and a storm.", "A keeper, a storm, a ship.")));

        assertThat(stored).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM titles").query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT overview FROM titles WHERE title = 'Lighthouse Keeper'")
                        .query(String.class)
                        .single())
                .isEqualTo("A keeper, a storm, a ship.");
    }

    @Test
    void aFilmWhoseYearWasCorrectedIsFoundByItsImdbIdNotAddedAgain() throws Exception {
        registered.register(file(DEMO));

        int stored = registered.register(file(DEMO.replace("\"year\": 2024", "\"year\": 2023")));

        assertThat(stored).isEqualTo(2);
        assertThat(jdbc.sql("SELECT release_year FROM titles WHERE imdb_id = 'tt9900000001'")
                        .query(Integer.class)
                        .list())
                .containsExactly(2023);
        assertThat(jdbc.sql("SELECT count(*) FROM titles").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadAddsNothingAndBreaksNothing() throws Exception {
        registered.register(file(DEMO));

        assertThat(registered.register(file("{\"titles\": [ {\"title\": \"Half")))
                .isZero();
        assertThat(registered.register(file("[1, 2, 3]"))).isZero();
        assertThat(registered.register(temp.resolve("missing.json"))).isZero();
        assertThat(registered.register(file(" ".repeat(1 << 20) + "{}")))
                .as("over 1 MiB")
                .isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM titles").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void anImdbIdAnotherTitleHasIsSkippedAndTheRestStored() throws Exception {
        com.hypertube.media.support.Titles.film(jdbc, "Someone Else", 1999, 1);
        jdbc.sql("UPDATE titles SET imdb_id = 'tt9900000001', metadata_source = 'tmdb' WHERE title = 'Someone Else'")
                .update();

        assertThat(registered.register(file(DEMO))).isEqualTo(1);

        assertThat(jdbc.sql("SELECT title FROM titles WHERE imdb_id = 'tt9900000001'")
                        .query(String.class)
                        .single())
                .isEqualTo("Someone Else");
        assertThat(jdbc.sql("SELECT count(*) FROM titles WHERE title = 'Paper Orchard'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void whatAnEntryLacksIsSaidInWords() {
        assertThat(RegisteredTitles.problemWith(
                        new RegisteredTitles.Entry("X", "nm1", null, null, null, null, null, null, null)))
                .contains("IMDb id");
        assertThat(RegisteredTitles.problemWith(
                        new RegisteredTitles.Entry("X", null, 3000, null, null, null, null, null, null)))
                .contains("3000");
        assertThat(RegisteredTitles.problemWith(
                        new RegisteredTitles.Entry("X", null, 2000, 0, null, null, null, null, null)))
                .contains("length");
        assertThat(RegisteredTitles.problemWith(
                        new RegisteredTitles.Entry("x".repeat(513), null, null, null, null, null, null, null, null)))
                .contains("512");
        assertThat(RegisteredTitles.problemWith(
                        new RegisteredTitles.Entry("X", null, null, null, null, null, null, null, null)))
                .isNull();
    }
}
