package com.hypertube.media.sync;

import com.hypertube.media.MediaProperties;
import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.catalog.TitleKind;
import com.hypertube.media.catalog.TitleWriter;
import com.hypertube.media.client.OmdbClient;
import com.hypertube.media.client.SourceServiceClient;
import com.hypertube.media.client.TmdbClient;
import com.hypertube.media.client.TmdbModels.ListItem;
import com.hypertube.web.client.ProviderException;
import com.hypertube.web.client.ServiceToken;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seed 002's background sync: lists (trending and popular films and series), stale titles' details, and IMDb
 * ratings, each run on one instance at a time (ShedLock, in Postgres; {@link SyncSchedule} says when). A provider that
 * rate-limits ends the run: the next one starts after the interval, by when its {@code Retry-After} has passed.
 */
@Component
public class CatalogSync {

    private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

    private final TmdbClient tmdb;
    private final OmdbClient omdb;
    private final TitleWriter writer;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final MediaProperties properties;
    private final InstantSource clock;
    private final SourceServiceClient sources;
    private final ServiceToken serviceToken;

    CatalogSync(
            TmdbClient tmdb,
            OmdbClient omdb,
            TitleWriter writer,
            CatalogService catalog,
            JdbcClient jdbc,
            MediaProperties properties,
            InstantSource clock,
            SourceServiceClient sources,
            ServiceToken serviceToken) {
        this.sources = sources;
        this.serviceToken = serviceToken;
        this.tmdb = tmdb;
        this.omdb = omdb;
        this.writer = writer;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The list refresh, unless another instance is running it (then this call does nothing). */
    @SchedulerLock(name = "catalog-lists", lockAtMostFor = "30m", lockAtLeastFor = "1m")
    public void listsOnce() {
        if (tmdb.configured()) {
            refreshLists();
        }
    }

    /**
     * Without TMDB, the library is the sources' own catalog (YTS's films with their covers, ratings and
     * summaries), read from source-service with this service's own token.
     */
    @SchedulerLock(name = "catalog-sources", lockAtMostFor = "30m", lockAtLeastFor = "1m")
    public void sourcesOnce() {
        if (!tmdb.configured()) {
            importFromSources();
        }
    }

    /** Reads pages of the sources' catalog into the database; returns how many films it stored. */
    public int importFromSources() {
        if (!serviceToken.configured()) {
            log.info("No TMDB key and no SERVICE_CLIENT_SECRET: the catalog holds only what is registered by hand");
            return 0;
        }
        int stored = 0;
        int rank = 0;
        try {
            String bearer = serviceToken.bearer().orElseThrow();
            for (int page = 1; page <= properties.sync().listPages(); page++) {
                List<SourceServiceClient.SourceTitle> films = sources.catalogPage(page, bearer);
                if (films.isEmpty()) {
                    break;
                }
                for (SourceServiceClient.SourceTitle film : films) {
                    stored += writer.upsertFromSource(film, rank++) ? 1 : 0;
                }
            }
        } catch (ProviderException e) {
            log.warn("Catalog import from the sources stopped after {} films: {}", stored, e.getMessage());
        }
        log.info("Catalog import from the sources stored {} films", stored);
        return stored;
    }

    @SchedulerLock(name = "catalog-details", lockAtMostFor = "30m", lockAtLeastFor = "1m")
    public void detailsOnce() {
        if (tmdb.configured()) {
            refreshDetails();
        }
    }

    @SchedulerLock(name = "catalog-ratings", lockAtMostFor = "30m", lockAtLeastFor = "1m")
    public void ratingsOnce() {
        if (omdb.configured()) {
            refreshRatings();
        }
    }

    /** Reads the trending and popular lists, and genre names; returns how many titles it stored. */
    public int refreshLists() {
        int stored = 0;
        try {
            for (TitleKind kind : TitleKind.values()) {
                TmdbClient.Kind tmdbKind = kind == TitleKind.SHOW ? TmdbClient.Kind.TV : TmdbClient.Kind.MOVIE;
                for (int page = 1; page <= properties.sync().listPages(); page++) {
                    stored += store(kind, tmdb.popular(tmdbKind, page, "en-US").resultsOrEmpty());
                    stored += store(kind, tmdb.trending(tmdbKind, page, "en-US").resultsOrEmpty());
                }
                refreshGenreNames(tmdbKind);
            }
        } catch (ProviderException e) {
            log.warn("Catalog list refresh stopped: {}", e.getMessage());
        }
        log.info("Catalog list refresh stored {} titles", stored);
        return stored;
    }

    /** Refreshes the details of titles never read or read longer ago than stale-after; returns how many. */
    public int refreshDetails() {
        Timestamp staleBefore =
                Timestamp.from(clock.instant().minus(properties.sync().staleAfter()));
        List<UUID> stale = jdbc.sql("SELECT id FROM titles WHERE tmdb_id IS NOT NULL"
                        + " AND (details_fetched_at IS NULL OR details_fetched_at < ?)"
                        + " ORDER BY details_fetched_at NULLS FIRST, popularity DESC LIMIT ?")
                .params(staleBefore, properties.sync().detailsPerRun())
                .query(UUID.class)
                .list();
        int done = 0;
        try {
            for (UUID id : stale) {
                catalog.refreshDetails(id);
                done++;
            }
        } catch (ProviderException e) {
            log.warn("Catalog details refresh stopped after {}: {}", done, e.getMessage());
        }
        return done;
    }

    /** Asks OMDb for the IMDb ratings of titles that have none or an old one; returns how many it stored. */
    public int refreshRatings() {
        Timestamp staleBefore =
                Timestamp.from(clock.instant().minus(properties.omdb().refreshAfter()));
        List<String> ids = jdbc.sql("SELECT imdb_id FROM titles WHERE imdb_id IS NOT NULL"
                        + " AND (imdb_rating_at IS NULL OR imdb_rating_at < ?)"
                        + " ORDER BY imdb_rating_at NULLS FIRST, popularity DESC LIMIT ?")
                .params(staleBefore, properties.omdb().callsPerRun())
                .query(String.class)
                .list();
        int stored = 0;
        try {
            for (String imdbId : ids) {
                var rating = omdb.rating(imdbId);
                jdbc.sql("UPDATE titles SET rating = coalesce(?, rating), rating_votes = coalesce(?, rating_votes),"
                                + " rating_source = CASE WHEN ? THEN 'imdb' ELSE rating_source END,"
                                + " imdb_rating_at = ? WHERE imdb_id = ?")
                        .params(
                                rating.map(r -> r.rating()).orElse(null),
                                rating.map(r -> r.votes()).orElse(null),
                                rating.isPresent(),
                                Timestamp.from(clock.instant()),
                                imdbId)
                        .update();
                stored += rating.isPresent() ? 1 : 0;
            }
        } catch (ProviderException e) {
            log.warn("IMDb ratings refresh stopped after {}: {}", stored, e.getMessage());
        }
        return stored;
    }

    private int store(TitleKind kind, List<ListItem> items) {
        int stored = 0;
        for (ListItem item : items) {
            if (item.id() != null && (item.title() != null || item.name() != null)) {
                writer.upsertListed(kind, item);
                stored++;
            }
        }
        return stored;
    }

    private void refreshGenreNames(TmdbClient.Kind kind) {
        var english = tmdb.genres(kind, "en-US").genres();
        if (english == null) {
            return;
        }
        writer.storeGenreNames("en", english, english);
        List<String> languages = jdbc.sql("SELECT DISTINCT language FROM title_translations WHERE language <> 'en'"
                        + " ORDER BY language LIMIT 60")
                .query(String.class)
                .list();
        for (String language : languages) {
            var translated = tmdb.genres(kind, language).genres();
            if (translated != null) {
                writer.storeGenreNames(language, english, translated);
            }
        }
    }
}
