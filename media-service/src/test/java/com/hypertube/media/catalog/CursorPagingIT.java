package com.hypertube.media.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.media.support.Json;
import com.hypertube.media.support.MediaIT;
import com.hypertube.media.support.Titles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Infinite scroll: titles added between pages never make an item appear twice or be skipped. */
class CursorPagingIT extends MediaIT {

    @ParameterizedTest
    @ValueSource(strings = {"sort=name", "sort=popularity", "sort=year&order=asc", "sort=rating", "query=film"})
    void pagesStayStableWhileTitlesAreInserted(String order) {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            // Ties on purpose: many films share a year and a popularity, so the id must break them.
            before.add(Titles.film(jdbc, "Film %02d".formatted(i), 1990 + i % 5, i % 7)
                    .toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page =
                    Json.read(api.get("/api/movies?limit=10&" + order + (cursor == null ? "" : "&cursor=" + cursor))
                            .body());
            Json.texts(page.path("items"), "id").forEach(seen::add);
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
            // Between pages, titles land everywhere in the order: before, among and after what was read.
            for (int j = 0; j < 3; j++) {
                Titles.film(
                        jdbc, "Film %02d new %s".formatted(pages * 7 + j * 20, UUID.randomUUID()), 1988 + j * 4, j * 3);
            }
            pages++;
        } while (cursor != null && pages < 40);

        assertThat(seen).as("no item twice").doesNotHaveDuplicates();
        assertThat(seen).as("none of those there from the start skipped").containsAll(before);
    }
}
