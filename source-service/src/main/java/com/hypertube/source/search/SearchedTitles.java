package com.hypertube.source.search;

import com.hypertube.source.provider.TitleQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code searched_titles} rows: the films and episodes source-service knows of, and when their sources
 * were last searched for. This is how it learns the catalog's titles without reading media-service's schema:
 * media-service asks it for the sources of every title a user opens, and without TMDB the library is its own
 * catalog feed (YTS's films), offered here as titles not yet searched.
 */
@Repository
class SearchedTitles {

    /** Longer titles are cut: they only feed indexers that search by words. */
    private static final int MAX_TITLE = 512;

    private final JdbcClient jdbc;

    SearchedTitles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The providers were just asked for this title. */
    void searched(TitleQuery query, Instant at) {
        jdbc.sql("""
                        INSERT INTO searched_titles (imdb_id, season, episode, title, release_year, searched_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (imdb_id, season, episode) DO UPDATE SET
                            title = CASE WHEN EXCLUDED.title = EXCLUDED.imdb_id THEN searched_titles.title
                                ELSE EXCLUDED.title END,
                            release_year = COALESCE(EXCLUDED.release_year, searched_titles.release_year),
                            searched_at = EXCLUDED.searched_at""")
                .params(
                        query.imdbId(),
                        query.season(),
                        query.episode(),
                        cut(query.title()),
                        query.year(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Titles of the catalog, to be searched in the background unless already known. */
    void offered(List<TitleQuery> titles) {
        for (TitleQuery query : titles) {
            jdbc.sql("""
                            INSERT INTO searched_titles (imdb_id, season, episode, title, release_year)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (imdb_id, season, episode) DO NOTHING""")
                    .params(query.imdbId(), query.season(), query.episode(), cut(query.title()), query.year())
                    .update();
        }
    }

    /** Up to {@code limit} titles never searched, then those last searched before {@code staleBefore}. */
    List<TitleQuery> due(Instant staleBefore, int limit) {
        return jdbc.sql("""
                        SELECT imdb_id, season, episode, title, release_year FROM searched_titles
                        WHERE searched_at IS NULL OR searched_at < ?
                        ORDER BY searched_at NULLS FIRST, imdb_id, season NULLS FIRST, episode NULLS FIRST
                        LIMIT ?""")
                .params(staleBefore.atOffset(ZoneOffset.UTC), limit)
                .query((row, n) -> new TitleQuery(
                        row.getString("imdb_id"),
                        row.getString("title"),
                        row.getObject("release_year", Integer.class),
                        row.getObject("season", Integer.class),
                        row.getObject("episode", Integer.class)))
                .list();
    }

    private static String cut(String title) {
        String text = Objects.requireNonNull(title);
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE);
    }
}
