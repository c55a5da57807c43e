package com.hypertube.media.catalog;

import com.hypertube.media.catalog.CatalogViews.TitleDetails;
import com.hypertube.media.catalog.CatalogViews.TitlePage;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing and searching films and series, and a title's page. */
@RestController
class CatalogController {

    static final int DEFAULT_LIMIT = 24;
    static final int MAX_LIMIT = 100;
    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * A list's parameters, bound from the query string (the same for films and series).
     *
     * @param sort name, year, rating, popularity or watchCount
     * @param order asc or desc
     */
    record ListParams(
            String query,
            String genre,
            Integer yearFrom,
            Integer yearTo,
            Double minRating,
            String sort,
            String order,
            String cursor,
            Integer limit,
            String language) {}

    @Operation(
            summary = "Films, one page at a time",
            description = "With a query: matching titles (accents, case and small typos forgiven; titles in the"
                    + " user's language match too), by name. Without: most popular first. Pass nextCursor back as"
                    + " cursor for the next page.")
    @GetMapping("/api/movies")
    TitlePage movies(
            Caller caller,
            @ParameterObject ListParams params,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.page(
                query(TitleKind.MOVIE, caller.userId(), params, Languages.pick(params.language(), acceptLanguage)));
    }

    @Operation(summary = "Series, one page at a time", description = "As /api/movies, for series.")
    @GetMapping("/api/shows")
    TitlePage shows(
            Caller caller,
            @ParameterObject ListParams params,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.page(
                query(TitleKind.SHOW, caller.userId(), params, Languages.pick(params.language(), acceptLanguage)));
    }

    @Operation(summary = "A film's page: summary, length, credits, rating, comment count")
    @GetMapping("/api/movies/{id:" + UUID_PATTERN + "}")
    TitleDetails movie(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.details(TitleKind.MOVIE, id, Languages.pick(language, acceptLanguage), caller.userId());
    }

    @Operation(summary = "A series' page, with its seasons")
    @GetMapping("/api/shows/{id:" + UUID_PATTERN + "}")
    TitleDetails show(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.details(TitleKind.SHOW, id, Languages.pick(language, acceptLanguage), caller.userId());
    }

    @Operation(summary = "A season of a series, with its episodes")
    @GetMapping("/api/shows/{id:" + UUID_PATTERN + "}/seasons/{number}")
    CatalogViews.Season season(
            @PathVariable UUID id,
            @PathVariable int number,
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (number < 0 || number > 1000) {
            throw ProblemTypes.error(HttpStatus.NOT_FOUND, "not-found", "No series has a season " + number + ".");
        }
        return catalog.season(id, number, Languages.pick(language, acceptLanguage));
    }

    @Operation(summary = "The genres films in the catalog have, in the user's language")
    @GetMapping("/api/movies/genres")
    List<CatalogViews.Genre> movieGenres(
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.genres(TitleKind.MOVIE, Languages.pick(language, acceptLanguage));
    }

    @Operation(summary = "The genres series in the catalog have, in the user's language")
    @GetMapping("/api/shows/genres")
    List<CatalogViews.Genre> showGenres(
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return catalog.genres(TitleKind.SHOW, Languages.pick(language, acceptLanguage));
    }

    /** Checks a list's parameters; each wrong one is a 400 that names it. */
    static BrowseQuery query(TitleKind kind, Optional<UUID> viewer, ListParams params, String language) {
        String search = SearchText.of(params.query());
        BrowseSort chosen = params.sort() == null || params.sort().isBlank()
                ? (search.isBlank() ? BrowseSort.POPULARITY : BrowseSort.NAME)
                : BrowseSort.parse(params.sort())
                        .orElseThrow(() -> invalid("sort must be name, year, rating, popularity or watchCount."));
        boolean descending = chosen.descendingByDefault;
        if (params.order() != null && !params.order().isBlank()) {
            descending = switch (params.order().strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw invalid("order must be asc or desc.");
            };
        }
        if (params.yearFrom() != null && (params.yearFrom() < 1870 || params.yearFrom() > 2200)
                || params.yearTo() != null && (params.yearTo() < 1870 || params.yearTo() > 2200)) {
            throw invalid("yearFrom and yearTo must be years between 1870 and 2200.");
        }
        if (params.yearFrom() != null && params.yearTo() != null && params.yearFrom() > params.yearTo()) {
            throw invalid("yearFrom must not be after yearTo.");
        }
        if (params.minRating() != null
                && (params.minRating().isNaN() || params.minRating() < 0 || params.minRating() > 10)) {
            throw invalid("minRating must be between 0 and 10.");
        }
        if (params.limit() != null && (params.limit() < 1 || params.limit() > MAX_LIMIT)) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (params.genre() != null
                && (params.genre().isBlank() || params.genre().length() > 64)) {
            throw invalid("genre must be a genre's name (64 characters at most).");
        }
        boolean finalDescending = descending;
        Optional<Cursor> after = params.cursor() == null || params.cursor().isBlank()
                ? Optional.empty()
                : Optional.of(Cursor.decode(params.cursor(), chosen, finalDescending));
        return new BrowseQuery(
                kind,
                search,
                params.genre() == null ? null : params.genre().strip(),
                params.yearFrom(),
                params.yearTo(),
                params.minRating(),
                chosen,
                descending,
                after,
                params.limit() == null ? DEFAULT_LIMIT : params.limit(),
                language,
                viewer);
    }

    private static RuntimeException invalid(String detail) {
        return ProblemTypes.error(HttpStatus.BAD_REQUEST, "invalid-parameter", detail);
    }

    static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
