package com.hypertube.media.catalog;

import com.hypertube.media.client.SourceServiceClient;
import com.hypertube.media.client.TmdbModels.Details;
import com.hypertube.media.client.TmdbModels.Episode;
import com.hypertube.media.client.TmdbModels.Genre;
import com.hypertube.media.client.TmdbModels.ListItem;
import com.hypertube.media.client.TmdbModels.Person;
import com.hypertube.media.client.TmdbModels.Season;
import com.hypertube.media.client.TmdbModels.SeasonSummary;
import com.hypertube.media.client.TmdbModels.Translation;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Writing what TMDB said into the catalog: list entries, details with credits, seasons and genre names. */
@Repository
public class TitleWriter {

    private static final int CAST_SHOWN = 10;
    private static final java.util.regex.Pattern IMDB_ID = java.util.regex.Pattern.compile("tt\\d{1,12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final InstantSource clock;

    TitleWriter(JdbcClient jdbc, InstantSource clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a title a list or a search returned, or updates its list fields (popularity, score, cover). An IMDb
     * rating already stored is kept: TMDB's score only fills in where there is none.
     */
    public UUID upsertListed(TitleKind kind, ListItem item) {
        String title = firstNonBlank(item.title(), item.name(), item.originalTitle(), item.originalName());
        return jdbc.sql("""
                        INSERT INTO titles (id, kind, tmdb_id, title, original_title, original_language, search_text,
                            release_year, overview, poster_path, backdrop_path, rating, rating_source, rating_votes,
                            popularity, genres, metadata_source)
                        VALUES (:id, :kind, :tmdbId, :title, :originalTitle, :language, :searchText, :year, :overview,
                            :poster, :backdrop, :rating, 'tmdb', :votes, :popularity, :genres, 'tmdb')
                        ON CONFLICT (kind, tmdb_id) DO UPDATE SET
                            popularity = EXCLUDED.popularity,
                            poster_path = coalesce(EXCLUDED.poster_path, titles.poster_path),
                            rating = CASE WHEN titles.rating_source = 'imdb' THEN titles.rating ELSE EXCLUDED.rating END,
                            rating_votes = CASE WHEN titles.rating_source = 'imdb' THEN titles.rating_votes
                                ELSE EXCLUDED.rating_votes END,
                            rating_source = CASE WHEN titles.rating_source = 'imdb' THEN 'imdb' ELSE 'tmdb' END,
                            updated_at = now()
                        RETURNING id
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", kind.stored())
                .param("tmdbId", item.id())
                .param("title", cut(title, 512))
                .param("originalTitle", cut(firstNonBlank(item.originalTitle(), item.originalName()), 512))
                .param("language", cut(item.originalLanguage(), 16))
                .param("searchText", SearchText.of(title))
                .param("year", year(firstNonBlank(item.releaseDate(), item.firstAirDate())))
                .param("overview", item.overview())
                .param("poster", cut(item.posterPath(), 512))
                .param("backdrop", cut(item.backdropPath(), 512))
                .param("rating", score(item.voteAverage()))
                .param("votes", item.voteCount())
                .param("popularity", item.popularity() == null ? 0.0 : item.popularity())
                .param("genres", new String[0])
                .query(UUID.class)
                .single();
    }

    /**
     * Adds or refreshes a film the sources know (YTS's catalog, for a library without TMDB), by IMDb id. A title
     * TMDB described is left as it is: TMDB's metadata is the richer one.
     *
     * @param rank its place in the source's list, most popular first (becomes its popularity)
     * @return whether it was stored (not when invalid, or when TMDB described it)
     */
    public boolean upsertFromSource(SourceServiceClient.SourceTitle film, int rank) {
        if (film.imdbCode() == null || !IMDB_ID.matcher(film.imdbCode()).matches() || film.title() == null) {
            return false;
        }
        String cover = film.cover() != null && film.cover().startsWith("https://") ? cut(film.cover(), 512) : null;
        Double rating = film.rating() == null || film.rating() <= 0 || film.rating() > 10 ? null : film.rating();
        return jdbc.sql("""
                        INSERT INTO titles (id, kind, imdb_id, title, search_text, release_year, runtime_minutes, overview,
                            poster_path, rating, rating_source, popularity, genres, metadata_source, details_fetched_at)
                        VALUES (:id, 'movie', :imdbId, :title, :searchText, :year, :runtime, :overview, :cover, :rating,
                            CASE WHEN CAST(:rating AS numeric) IS NULL THEN NULL ELSE 'yts' END, :popularity, :genres,
                            'yts', :now)
                        ON CONFLICT (imdb_id) DO UPDATE SET title = EXCLUDED.title, search_text = EXCLUDED.search_text,
                            release_year = EXCLUDED.release_year, runtime_minutes = EXCLUDED.runtime_minutes,
                            overview = EXCLUDED.overview, poster_path = EXCLUDED.poster_path, rating = EXCLUDED.rating,
                            rating_source = EXCLUDED.rating_source, popularity = EXCLUDED.popularity,
                            genres = EXCLUDED.genres, details_fetched_at = EXCLUDED.details_fetched_at, updated_at = now()
                        WHERE titles.metadata_source = 'yts'
                        """)
                        .param("id", UUID.randomUUID())
                        .param("imdbId", film.imdbCode())
                        .param("title", cut(film.title(), 512))
                        .param("searchText", SearchText.of(film.title()))
                        .param("year", film.year())
                        .param("runtime", film.runtime())
                        .param("overview", film.summary())
                        .param("cover", cover)
                        .param("rating", rating)
                        .param("popularity", Math.max(0, 10_000 - rank))
                        .param(
                                "genres",
                                film.genres() == null
                                        ? new String[0]
                                        : film.genres().stream()
                                                .filter(Objects::nonNull)
                                                .limit(8)
                                                .map(g -> cut(g, 64))
                                                .toArray(String[]::new))
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    /** Stores a title's details: length, genres, credits, IMDb id, seasons, and its names in other languages. */
    @Transactional
    public void applyDetails(UUID id, TitleKind kind, Details details) {
        String title = firstNonBlank(details.title(), details.name(), details.originalTitle(), details.originalName());
        List<Person> crew = details.credits() == null || details.credits().crew() == null
                ? List.of()
                : details.credits().crew();
        String director = kind == TitleKind.SHOW
                ? names(details.createdBy()).stream().findFirst().orElse(null)
                : crew.stream()
                        .filter(p -> "Director".equals(p.job()))
                        .map(Person::name)
                        .findFirst()
                        .orElse(null);
        List<String> producers = crew.stream()
                .filter(p -> "Producer".equals(p.job()) || "Executive Producer".equals(p.job()))
                .map(Person::name)
                .filter(Objects::nonNull)
                .distinct()
                .limit(8)
                .toList();
        List<Map<String, String>> cast =
                details.credits() == null || details.credits().cast() == null
                        ? List.of()
                        : details.credits().cast().stream()
                                .sorted(Comparator.comparing(p -> p.order() == null ? Integer.MAX_VALUE : p.order()))
                                .limit(CAST_SHOWN)
                                .map(p -> Map.of(
                                        "name",
                                        Objects.toString(p.name(), ""),
                                        "character",
                                        Objects.toString(p.character(), "")))
                                .toList();
        Integer runtime = details.runtime() != null
                ? details.runtime()
                : details.episodeRunTime() == null
                        ? null
                        : details.episodeRunTime().stream().findFirst().orElse(null);
        String imdbId = details.imdbId() != null
                ? details.imdbId()
                : details.externalIds() == null ? null : details.externalIds().imdbId();
        jdbc.sql("""
                        UPDATE titles SET title = :title, search_text = :searchText, original_title = :originalTitle,
                            release_year = coalesce(:year, release_year), runtime_minutes = :runtime, overview = :overview,
                            poster_path = coalesce(:poster, poster_path), backdrop_path = coalesce(:backdrop, backdrop_path),
                            genres = :genres, director = :director, producers = :producers, top_cast = CAST(:cast AS jsonb),
                            season_count = :seasons,
                            imdb_id = coalesce(imdb_id, (SELECT CAST(:imdbId AS varchar)
                                WHERE NOT EXISTS (SELECT 1 FROM titles o WHERE o.imdb_id = :imdbId))),
                            details_fetched_at = :now, updated_at = now()
                        WHERE id = :id
                        """)
                .param("title", cut(title, 512))
                .param("searchText", SearchText.of(title))
                .param("originalTitle", cut(firstNonBlank(details.originalTitle(), details.originalName()), 512))
                .param("year", year(firstNonBlank(details.releaseDate(), details.firstAirDate())))
                .param("runtime", runtime)
                .param("overview", details.overview())
                .param("poster", cut(details.posterPath(), 512))
                .param("backdrop", cut(details.backdropPath(), 512))
                .param(
                        "genres",
                        names(
                                        details.genres() == null
                                                ? List.of()
                                                : details.genres().stream()
                                                        .map(g -> new Person(g.id(), g.name(), null, null, null, null))
                                                        .toList())
                                .toArray(String[]::new))
                .param("director", cut(director, 256))
                .param("producers", producers.toArray(String[]::new))
                .param("cast", JSON.writeValueAsString(cast))
                .param("seasons", details.numberOfSeasons())
                .param("imdbId", imdbId != null && imdbId.matches("tt\\d{1,12}") ? imdbId : null)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (details.translations() != null && details.translations().translations() != null) {
            storeTranslations(id, details.translations().translations());
        }
        if (details.seasons() != null) {
            details.seasons().forEach(season -> storeSeason(id, season));
        }
    }

    void markDetailsRead(UUID id) {
        jdbc.sql("UPDATE titles SET details_fetched_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
    }

    public void applySeason(UUID id, Season season) {
        if (season.seasonNumber() == null) {
            return;
        }
        storeSeason(
                id,
                new SeasonSummary(
                        season.seasonNumber(),
                        season.name(),
                        season.overview(),
                        season.airDate(),
                        season.posterPath(),
                        season.episodes() == null ? null : season.episodes().size()));
        for (Episode episode : season.episodes() == null ? List.<Episode>of() : season.episodes()) {
            if (episode.episodeNumber() == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO episodes (title_id, season_number, episode_number, name, overview, air_date,
                                runtime_minutes, still_path)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (title_id, season_number, episode_number) DO UPDATE SET name = EXCLUDED.name,
                                overview = EXCLUDED.overview, air_date = EXCLUDED.air_date,
                                runtime_minutes = EXCLUDED.runtime_minutes, still_path = EXCLUDED.still_path
                            """)
                    .params(
                            id,
                            season.seasonNumber(),
                            episode.episodeNumber(),
                            cut(episode.name(), 512),
                            episode.overview(),
                            date(episode.airDate()),
                            episode.runtime(),
                            cut(episode.stillPath(), 512))
                    .update();
        }
        jdbc.sql("UPDATE seasons SET episodes_fetched_at = ? WHERE title_id = ? AND season_number = ?")
                .params(Timestamp.from(clock.instant()), id, season.seasonNumber())
                .update();
    }

    /** Genre names in one language, keyed by their English names (TMDB's ids tie the two lists together). */
    public void storeGenreNames(String language, List<Genre> english, List<Genre> translated) {
        Map<Integer, String> englishById = english.stream()
                .filter(g -> g.id() != null && g.name() != null)
                .collect(Collectors.toMap(Genre::id, Genre::name, (a, b) -> a));
        for (Genre genre : translated) {
            String key = englishById.get(genre.id());
            if (key != null && genre.name() != null) {
                jdbc.sql("INSERT INTO genre_names (genre, language, name) VALUES (?, ?, ?)"
                                + " ON CONFLICT (genre, language) DO UPDATE SET name = EXCLUDED.name")
                        .params(cut(key, 64), language, cut(genre.name(), 64))
                        .update();
            }
        }
    }

    private void storeTranslations(UUID id, List<Translation> translations) {
        for (Translation translation : translations) {
            if (translation.language() == null || translation.data() == null) {
                continue;
            }
            String name =
                    firstNonBlank(translation.data().title(), translation.data().name());
            if (name == null || !translation.language().matches("[a-z]{2}")) {
                continue;
            }
            jdbc.sql("INSERT INTO title_translations (title_id, language, title, search_text) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (title_id, language) DO UPDATE SET title = EXCLUDED.title,"
                            + " search_text = EXCLUDED.search_text")
                    .params(id, translation.language(), cut(name, 512), SearchText.of(name))
                    .update();
        }
    }

    private void storeSeason(UUID id, SeasonSummary season) {
        if (season.seasonNumber() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO seasons (title_id, season_number, name, overview, air_date, poster_path, episode_count)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (title_id, season_number) DO UPDATE SET name = EXCLUDED.name,
                            overview = EXCLUDED.overview, air_date = EXCLUDED.air_date,
                            poster_path = EXCLUDED.poster_path,
                            episode_count = coalesce(EXCLUDED.episode_count, seasons.episode_count)
                        """)
                .params(
                        id,
                        season.seasonNumber(),
                        cut(season.name(), 256),
                        season.overview(),
                        date(season.airDate()),
                        cut(season.posterPath(), 512),
                        season.episodeCount())
                .update();
    }

    private static List<String> names(List<Person> people) {
        return people == null
                ? List.of()
                : people.stream().map(Person::name).filter(Objects::nonNull).toList();
    }

    static Integer year(String date) {
        LocalDate parsed = date(date);
        return parsed == null ? null : parsed.getYear();
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** TMDB's score out of 10, with one decimal, or null for a title nobody rated. */
    private static Double score(Double voteAverage) {
        if (voteAverage == null || voteAverage <= 0 || voteAverage > 10) {
            return null;
        }
        return Math.round(voteAverage * 10) / 10.0;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** At most {@code max} characters of it (the column's width); null stays null. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
