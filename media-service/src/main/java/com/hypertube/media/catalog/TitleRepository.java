package com.hypertube.media.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading the catalog: one title, and pages of lists (filtered, sorted, from a cursor on). */
@Repository
class TitleRepository {

    // The viewer's marks: a film is watched or in progress; a series is in progress when any episode is.
    private static final String SELECT = """
            SELECT t.*, coalesce(tr.title, t.title) AS shown_title,
                   coalesce(ps.watched, false) AS viewer_watched, coalesce(ps.in_progress, false) AS viewer_in_progress
            FROM titles t
            LEFT JOIN title_translations tr ON tr.title_id = t.id AND tr.language = :language
            LEFT JOIN LATERAL (
                SELECT bool_or(p.watched AND p.season_number = 0) AS watched, bool_or(NOT p.watched) AS in_progress
                FROM progress p WHERE p.user_id = :viewer AND p.title_id = t.id) ps ON true
            """;

    private static final String SUMMARY_COLUMNS = "t.id, t.kind, t.release_year, t.poster_path, t.rating,"
            + " t.rating_source, t.rating_votes, t.genres, t.popularity, t.watch_count, t.search_text";
    private static final String SUMMARY = "SELECT " + SUMMARY_COLUMNS + ", t.title AS shown_title FROM titles t";
    private static final String SUMMARY_TRANSLATED = "SELECT " + SUMMARY_COLUMNS
            + ", coalesce(tr.title, t.title) AS shown_title FROM titles t"
            + " LEFT JOIN title_translations tr ON tr.title_id = t.id AND tr.language = :language";

    // Matches the title or one of its translations: as a substring, or by trigram word similarity (typos).
    private static final String SEARCH = """
             AND (t.search_text LIKE :contains OR :search <% t.search_text
                  OR EXISTS (SELECT 1 FROM title_translations x WHERE x.title_id = t.id
                             AND (x.search_text LIKE :contains OR :search <% x.search_text)))
            """;

    private static final UUID NOBODY = new UUID(0, 0);

    private final JdbcClient jdbc;

    TitleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TitleRow> find(UUID id, String language, Optional<UUID> viewer) {
        return jdbc.sql(SELECT + " WHERE t.id = :id")
                .param("id", id)
                .param("language", language)
                .param("viewer", viewer.orElse(NOBODY))
                .query(TitleRepository::map)
                .optional();
    }

    List<TitleRow> findAll(java.util.Collection<UUID> ids, String language, Optional<UUID> viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE t.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .param("language", language)
                .param("viewer", viewer.orElse(NOBODY))
                .query(TitleRepository::map)
                .list();
    }

    /**
     * One page, plus one item more when there is a next page (the caller drops it and makes a cursor): the
     * columns a list shows, without the viewer's marks ({@link ViewerMarks} adds them), so a page is the same
     * for everyone and can be cached.
     */
    List<TitleRow> browse(BrowseQuery query) {
        boolean translated = !Languages.DEFAULT.equals(query.language());
        StringBuilder sql =
                new StringBuilder(translated ? SUMMARY_TRANSLATED : SUMMARY).append(" WHERE t.kind = :kind");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", query.kind().stored());
        if (translated) {
            params.put("language", query.language());
        }
        if (!query.search().isBlank()) {
            sql.append(SEARCH);
            params.put("search", query.search());
            // SearchText leaves only letters, digits and spaces: nothing in it is a LIKE wildcard.
            params.put("contains", "%" + query.search() + "%");
        }
        if (query.genre() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM unnest(t.genres) g WHERE lower(g) = lower(:genre))");
            params.put("genre", query.genre());
        }
        if (query.yearFrom() != null) {
            sql.append(" AND t.release_year >= :yearFrom");
            params.put("yearFrom", query.yearFrom());
        }
        if (query.yearTo() != null) {
            sql.append(" AND t.release_year <= :yearTo");
            params.put("yearTo", query.yearTo());
        }
        if (query.minRating() != null) {
            sql.append(" AND t.rating >= :minRating");
            params.put("minRating", query.minRating());
        }
        String column = query.sort().column;
        String direction = query.descending() ? "DESC" : "ASC";
        query.after().ifPresent(cursor -> {
            sql.append(" AND (")
                    .append(column)
                    .append(", t.id) ")
                    .append(query.descending() ? "<" : ">")
                    .append(" (:afterValue, :afterId)");
            params.put("afterValue", cursor.sqlValue());
            params.put("afterId", cursor.id());
        });
        sql.append(" ORDER BY ")
                .append(column)
                .append(' ')
                .append(direction)
                .append(", t.id ")
                .append(direction)
                .append(" LIMIT :limit");
        params.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(TitleRepository::mapSummary)
                .list();
    }

    List<CatalogViews.SeasonSummary> seasons(UUID id) {
        return jdbc.sql("SELECT season_number, name, episode_count, air_date FROM seasons WHERE title_id = ?"
                        + " ORDER BY season_number")
                .param(id)
                .query((rs, row) -> new CatalogViews.SeasonSummary(
                        rs.getInt("season_number"),
                        rs.getString("name"),
                        intOrNull(rs, "episode_count"),
                        rs.getString("air_date")))
                .list();
    }

    /** One season with its episodes, if the series has it. */
    Optional<SeasonRow> season(UUID id, int number) {
        return jdbc.sql("SELECT * FROM seasons WHERE title_id = ? AND season_number = ?")
                .params(id, number)
                .query((rs, row) -> new SeasonRow(
                        rs.getInt("season_number"),
                        rs.getString("name"),
                        rs.getString("overview"),
                        rs.getString("air_date"),
                        episodes(id, number)))
                .optional();
    }

    boolean episodesFetched(UUID id, int number) {
        return jdbc.sql("SELECT count(*) FROM seasons WHERE title_id = ? AND season_number = ?"
                                + " AND episodes_fetched_at IS NOT NULL")
                        .params(id, number)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    long commentCount(UUID id) {
        return jdbc.sql("SELECT count(*) FROM comments WHERE title_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private List<EpisodeRow> episodes(UUID id, int season) {
        return jdbc.sql("SELECT * FROM episodes WHERE title_id = ? AND season_number = ? ORDER BY episode_number")
                .params(id, season)
                .query((rs, row) -> new EpisodeRow(
                        rs.getInt("episode_number"),
                        rs.getString("name"),
                        rs.getString("overview"),
                        rs.getString("air_date"),
                        intOrNull(rs, "runtime_minutes"),
                        rs.getString("still_path")))
                .list();
    }

    record SeasonRow(int number, String name, String overview, String airDate, List<EpisodeRow> episodes) {}

    record EpisodeRow(
            int number, String name, String overview, String airDate, Integer runtimeMinutes, String stillPath) {}

    /** The genres in use for a kind of title, by their stored (English) names. */
    List<String> genres(TitleKind kind) {
        return jdbc.sql("SELECT DISTINCT unnest(genres) AS g FROM titles WHERE kind = ? ORDER BY g")
                .param(kind.stored())
                .query(String.class)
                .list();
    }

    /** Genre names in a language, keyed by their English names. */
    Map<String, String> genreNames(String language) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT genre, name FROM genre_names WHERE language = ?")
                .param(language)
                .query(rs -> {
                    names.put(rs.getString("genre"), rs.getString("name"));
                });
        return names;
    }

    static TitleRow map(ResultSet rs, int row) throws SQLException {
        Timestamp fetched = rs.getTimestamp("details_fetched_at");
        return new TitleRow(
                rs.getObject("id", UUID.class),
                TitleKind.fromStored(rs.getString("kind")),
                (Integer) rs.getObject("tmdb_id"),
                rs.getString("imdb_id"),
                rs.getString("shown_title"),
                rs.getString("original_title"),
                intOrNull(rs, "release_year"),
                intOrNull(rs, "runtime_minutes"),
                rs.getString("overview"),
                rs.getString("poster_path"),
                rs.getString("backdrop_path"),
                rs.getObject("rating") == null ? null : rs.getDouble("rating"),
                rs.getString("rating_source"),
                intOrNull(rs, "rating_votes"),
                strings(rs.getArray("genres")),
                rs.getString("director"),
                strings(rs.getArray("producers")),
                rs.getString("top_cast"),
                intOrNull(rs, "season_count"),
                rs.getString("metadata_source"),
                fetched == null ? null : fetched.toInstant(),
                rs.getDouble("popularity"),
                rs.getInt("watch_count"),
                rs.getString("search_text"),
                rs.getBoolean("viewer_watched"),
                rs.getBoolean("viewer_in_progress"));
    }

    static TitleRow mapSummary(ResultSet rs, int row) throws SQLException {
        return new TitleRow(
                rs.getObject(1, UUID.class),
                TitleKind.fromStored(rs.getString(2)),
                null,
                null,
                rs.getString(12),
                null,
                intOrNull(rs, 3),
                null,
                null,
                rs.getString(4),
                null,
                rs.getObject(5) == null ? null : rs.getDouble(5),
                rs.getString(6),
                intOrNull(rs, 7),
                strings(rs.getArray(8)),
                null,
                List.of(),
                null,
                null,
                null,
                null,
                rs.getDouble(9),
                rs.getInt(10),
                rs.getString(11),
                false,
                false);
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
