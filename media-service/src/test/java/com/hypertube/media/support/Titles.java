package com.hypertube.media.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Titles put straight into the catalog, for tests about what users do with them. */
public final class Titles {

    private Titles() {}

    public static UUID film(JdbcClient jdbc, String title, int year, double popularity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO titles (id, kind, title, search_text, release_year, popularity, rating, rating_source,"
                        + " metadata_source) VALUES (?, 'movie', ?, lower(?), ?, ?, 7.0, 'tmdb', 'demo')")
                .params(id, title, title, year, popularity)
                .update();
        return id;
    }
}
