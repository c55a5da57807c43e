package com.hypertube.media.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.hypertube.media.MediaProperties;
import com.hypertube.media.catalog.CatalogViews.TitleDetails;
import com.hypertube.media.catalog.CatalogViews.TitlePage;
import com.hypertube.media.catalog.CatalogViews.TitleSummary;
import com.hypertube.media.client.TmdbClient;
import com.hypertube.web.ProblemTypes;
import com.hypertube.web.cache.ClockTicker;
import com.hypertube.web.client.ProviderException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The catalog as users see it, database first: lists and pages are read from Postgres; TMDB (through its
 * cached client) only fills in what the database lacks — a search's new titles, a title's details the first
 * time it is opened — and a page never waits on TMDB longer than the search timeout: past it, the page answers
 * from the database and TMDB's answer is stored when it comes, for the next page.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final TitleRepository titles;
    private final TitleWriter writer;
    private final TmdbClient tmdb;
    private final TitleViews views;
    private final Duration searchTimeout;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ViewerMarks marks;
    // Pages as everyone sees them (no viewer), and genre names: read many times a second, changed a few times a
    // day. The clock drives expiry so tests move time instead of waiting.
    private final Cache<BrowseQuery, TitlePage> pages;
    private final Cache<String, Map<String, String>> genreNames;
    private final Cache<TitleKind, List<String>> genresInUse;

    CatalogService(
            TitleRepository titles,
            TitleWriter writer,
            TmdbClient tmdb,
            TitleViews views,
            ViewerMarks marks,
            MediaProperties properties,
            InstantSource clock) {
        this.marks = marks;
        Ticker ticker = ClockTicker.of(clock);
        this.pages = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.listCacheTtl())
                .ticker(ticker)
                .build();
        this.genreNames = Caffeine.newBuilder()
                .maximumSize(200)
                .expireAfterWrite(Duration.ofMinutes(5))
                .ticker(ticker)
                .build();
        this.genresInUse = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(5))
                .ticker(ticker)
                .build();
        this.titles = titles;
        this.writer = writer;
        this.tmdb = tmdb;
        this.views = views;
        this.searchTimeout = properties.tmdb().searchTimeout();
    }

    public TitlePage page(BrowseQuery query) {
        BrowseQuery forEveryone = new BrowseQuery(
                query.kind(),
                query.search(),
                query.genre(),
                query.yearFrom(),
                query.yearTo(),
                query.minRating(),
                query.sort(),
                query.descending(),
                query.after(),
                query.limit(),
                query.language(),
                Optional.empty());
        TitlePage page = pages.get(forEveryone, this::pageForEveryone);
        Map<UUID, ViewerMarks.Marks> viewerMarks = query.viewer().map(marks::of).orElse(Map.of());
        if (viewerMarks.isEmpty()) {
            return page;
        }
        List<TitleSummary> items = page.items().stream()
                .map(item -> {
                    ViewerMarks.Marks mark = viewerMarks.get(item.id());
                    return mark == null ? item : item.withMarks(mark.watched(), mark.inProgress());
                })
                .toList();
        return new TitlePage(items, page.nextCursor(), page.sort(), page.descending());
    }

    /** A page with no viewer's marks, its covers' addresses, genre names and next cursor made once for all. */
    private TitlePage pageForEveryone(BrowseQuery query) {
        List<TitleRow> rows = read(query);
        boolean more = rows.size() > query.limit();
        List<TitleRow> shown = more ? rows.subList(0, query.limit()) : rows;
        Map<String, String> names = genreNames(query.language());
        List<TitleSummary> items =
                shown.stream().map(row -> views.summary(row, names)).toList();
        String next = more
                ? new Cursor(
                                query.sort(),
                                query.descending(),
                                shown.getLast().sortValue(query.sort()),
                                shown.getLast().id())
                        .encode()
                : null;
        return new TitlePage(items, next, query.sort().name().toLowerCase(java.util.Locale.ROOT), query.descending());
    }

    private List<TitleRow> read(BrowseQuery query) {
        if (!query.search().isBlank() && query.after().isEmpty() && tmdb.configured()) {
            waitAtMost(() -> searchTmdb(query), "search");
        }
        return titles.browse(query);
    }

    private Map<String, String> genreNames(String language) {
        return genreNames.get(language, titles::genreNames);
    }

    public TitleDetails details(TitleKind kind, UUID id, String language, Optional<UUID> viewer) {
        TitleRow stored = titles.find(id, language, viewer)
                .filter(found -> found.kind() == kind)
                .orElseThrow(() -> notFound(kind));
        TitleRow row = stored;
        if (stored.detailsFetchedAt() == null && stored.tmdbId() != null && tmdb.configured()) {
            waitAtMost(() -> fetchDetails(stored), "details");
            row = titles.find(id, language, viewer).orElseThrow(() -> notFound(kind));
        }
        return views.details(row, genreNames(language), titles.seasons(id), titles.commentCount(id));
    }

    public CatalogViews.Season season(UUID id, int number, String language) {
        TitleRow row = titles.find(id, language, Optional.empty())
                .filter(found -> found.kind() == TitleKind.SHOW)
                .orElseThrow(() -> notFound(TitleKind.SHOW));
        if (!titles.episodesFetched(id, number) && row.tmdbId() != null && tmdb.configured()) {
            waitAtMost(
                    () -> tmdb.season(row.tmdbId(), number, language).ifPresent(s -> writer.applySeason(id, s)),
                    "season");
        }
        return titles.season(id, number)
                .map(views::season)
                .orElseThrow(() -> ProblemTypes.error(
                        HttpStatus.NOT_FOUND, "not-found", "This series has no season " + number + "."));
    }

    /** The front page: most popular first, 24 at a time, in English. */
    public TitlePage frontPage(TitleKind kind, String cursor, Optional<UUID> viewer) {
        return page(CatalogController.query(
                kind,
                viewer,
                new CatalogController.ListParams(null, null, null, null, null, null, null, cursor, null, null),
                Languages.DEFAULT));
    }

    /** Lists' items for these titles, by id (titles that no longer exist are left out). */
    public Map<UUID, TitleSummary> summaries(java.util.Collection<UUID> ids, String language, Optional<UUID> viewer) {
        Map<String, String> names = genreNames(language);
        Map<UUID, TitleSummary> found = new java.util.HashMap<>();
        for (TitleRow row : titles.findAll(ids, language, viewer)) {
            found.put(row.id(), views.summary(row, names));
        }
        return found;
    }

    public boolean exists(UUID id) {
        return titles.find(id, Languages.DEFAULT, Optional.empty()).isPresent();
    }

    public List<CatalogViews.Genre> genres(TitleKind kind, String language) {
        Map<String, String> names = genreNames(language);
        return genresInUse.get(kind, titles::genres).stream()
                .map(g -> new CatalogViews.Genre(g, names.getOrDefault(g, g)))
                .toList();
    }

    /** Reads a stored title's details again from TMDB (the sync's refresh of stale titles). */
    public void refreshDetails(UUID id) {
        titles.find(id, Languages.DEFAULT, Optional.empty())
                .filter(row -> row.tmdbId() != null)
                .ifPresent(this::fetchDetails);
    }

    /** Reads a title's details from TMDB (cached) into the database. */
    void fetchDetails(TitleRow row) {
        tmdb.details(row.kind().tmdb, row.tmdbId(), "en-US")
                .ifPresentOrElse(
                        details -> writer.applyDetails(row.id(), row.kind(), details),
                        // TMDB no longer has it: asked again only when it is stale, not at every run or view.
                        () -> writer.markDetailsRead(row.id()));
    }

    private void searchTmdb(BrowseQuery query) {
        for (var item : tmdb.search(query.kind().tmdb, query.search(), 1, query.language())
                .resultsOrEmpty()) {
            if (item.id() != null && (item.title() != null || item.name() != null)) {
                writer.upsertListed(query.kind(), item);
            }
        }
    }

    /** Runs a TMDB call, waiting for it only so long; it goes on in the background and stores what it gets. */
    private void waitAtMost(Runnable call, String what) {
        CompletableFuture<Void> future = CompletableFuture.runAsync(call, background);
        try {
            future.get(searchTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.info("TMDB {} slower than {}: answering from the database", what, searchTimeout);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ProviderException provider) {
                log.warn("TMDB {} failed ({}): answering from the database", what, provider.getMessage());
            } else {
                log.warn("TMDB {} failed: answering from the database", what, failed.getCause());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static org.springframework.web.ErrorResponseException notFound(TitleKind kind) {
        return ProblemTypes.error(
                HttpStatus.NOT_FOUND,
                "title-not-found",
                kind == TitleKind.SHOW ? "No series has this id." : "No film has this id.");
    }
}
