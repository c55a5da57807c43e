package com.hypertube.media.catalog;

import com.hypertube.media.MediaProperties;
import com.hypertube.media.catalog.CatalogViews.CastMember;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Films registered from a file ({@code CATALOG_FILE}) rather than found on TMDB or YTS: the demo library's, which
 * the launcher writes so that a machine with no API key and no internet still has something to play, or an
 * administrator's own. Read when the service starts; each film is matched by its title and year, added once and
 * refreshed on later starts. A file that cannot be read, or an entry that is not valid, is skipped with a warning
 * that says why: the catalog still starts.
 */
@Component
public class RegisteredTitles {

    static final int MAX_TITLES = 1_000;
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{1,10}");
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(RegisteredTitles.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * One film of the file; only {@code title} is required. An IMDb id lets the sources and subtitles be found
     * (they are looked up by it); the demo library's are in a range IMDb does not use (tt99…, ten digits).
     */
    public record Entry(
            String title,
            String imdbId,
            Integer year,
            Integer runtimeMinutes,
            String summary,
            List<String> genres,
            String director,
            List<String> cast,
            Double popularity) {}

    record Catalog(List<Entry> titles) {}

    private final JdbcClient jdbc;
    private final Path file;

    RegisteredTitles(JdbcClient jdbc, MediaProperties properties) {
        this.jdbc = jdbc;
        this.file = properties.catalogFile();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerOnStart() {
        if (file != null) {
            int stored = register(file);
            log.info("Registered {} films from {}", stored, file.getFileName());
        }
    }

    /** Adds or refreshes the valid films of the file; returns how many it stored. */
    public int register(Path path) {
        List<Entry> entries;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                log.warn("{} is over 1 MiB: not read", path.getFileName());
                return 0;
            }
            Catalog catalog = JSON.readValue(Files.readAllBytes(path), Catalog.class);
            entries = catalog == null || catalog.titles() == null ? List.of() : catalog.titles();
        } catch (IOException | JacksonException e) {
            log.warn("The catalog file {} could not be read: {}", path.getFileName(), e.getMessage());
            return 0;
        }
        if (entries.size() > MAX_TITLES) {
            log.warn("{} lists {} films: only the first {} are read", path.getFileName(), entries.size(), MAX_TITLES);
        }
        int stored = 0;
        for (Entry entry : entries.stream().limit(MAX_TITLES).toList()) {
            String problem = problemWith(entry);
            if (problem != null) {
                log.warn("A film of {} is skipped: {}", path.getFileName(), problem);
                continue;
            }
            try {
                store(entry);
                stored++;
            } catch (DuplicateKeyException e) {
                log.warn(
                        "A film of {} is skipped: its IMDb id {} is another title's",
                        path.getFileName(),
                        entry.imdbId());
            }
        }
        return stored;
    }

    /** What is wrong with an entry, in words, or null. */
    static String problemWith(Entry entry) {
        if (entry == null || entry.title() == null || entry.title().isBlank()) {
            return "it has no title";
        }
        if (entry.title().length() > 512) {
            return "its title is over 512 characters";
        }
        if (entry.imdbId() != null && !IMDB_ID.matcher(entry.imdbId()).matches()) {
            return "its IMDb id is not tt followed by 1 to 10 digits";
        }
        if (entry.year() != null && (entry.year() < 1870 || entry.year() > 2100)) {
            return "its year " + entry.year() + " is not from 1870 to 2100";
        }
        if (entry.runtimeMinutes() != null && (entry.runtimeMinutes() < 1 || entry.runtimeMinutes() > 1_000)) {
            return "its length is not from 1 to 1000 minutes";
        }
        return null;
    }

    private void store(Entry entry) {
        String title = entry.title().strip();
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("imdbId", entry.imdbId());
        values.put("searchText", SearchText.of(title));
        values.put("year", entry.year());
        values.put("runtime", entry.runtimeMinutes());
        values.put("overview", TitleWriter.cut(entry.summary(), 4_000));
        values.put("genres", texts(entry.genres(), 8, 64).toArray(String[]::new));
        values.put("director", TitleWriter.cut(entry.director(), 256));
        values.put("cast", castJson(entry.cast()));
        values.put("popularity", entry.popularity() == null ? 0.0 : Math.max(0, entry.popularity()));
        // Its IMDb id names a film even when the file's title or year was corrected since; else title and year.
        int updated = entry.imdbId() == null ? 0 : refresh(values, "imdb_id = :imdbId", "title = :title, ");
        if (updated == 0) {
            updated =
                    refresh(values, "title = :title AND release_year IS NOT DISTINCT FROM CAST(:year AS smallint)", "");
        }
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO titles (id, kind, imdb_id, title, search_text, release_year, runtime_minutes, overview,
                                genres, director, top_cast, popularity, metadata_source, details_fetched_at)
                            VALUES (:id, 'movie', :imdbId, :title, :searchText, :year, :runtime, :overview, :genres, :director,
                                CAST(:cast AS jsonb), :popularity, 'demo', now())
                            """).params(values).param("id", UUID.randomUUID()).update();
        }
    }

    private int refresh(Map<String, Object> values, String match, String alsoSet) {
        return jdbc.sql("""
                        UPDATE titles SET %s imdb_id = :imdbId, search_text = :searchText,
                            release_year = :year, runtime_minutes = :runtime, overview = :overview, genres = :genres,
                            director = :director, top_cast = CAST(:cast AS jsonb), popularity = :popularity,
                            updated_at = now()
                        WHERE metadata_source = 'demo' AND kind = 'movie' AND %s
                        """.formatted(alsoSet, match)).params(values).update();
    }

    private static String castJson(List<String> names) {
        List<CastMember> cast = new ArrayList<>();
        texts(names, 10, 256).forEach(name -> cast.add(new CastMember(name, null)));
        return JSON.writeValueAsString(cast);
    }

    private static List<String> texts(List<String> values, int most, int longest) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .limit(most)
                        .map(v -> TitleWriter.cut(v, longest))
                        .toList();
    }
}
