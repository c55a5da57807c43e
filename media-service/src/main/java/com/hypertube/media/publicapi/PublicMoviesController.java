package com.hypertube.media.publicapi;

import com.hypertube.media.catalog.AvailableSubtitles;
import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.catalog.CatalogViews.TitleDetails;
import com.hypertube.media.catalog.CatalogViews.TitlePage;
import com.hypertube.media.catalog.Languages;
import com.hypertube.media.catalog.TitleKind;
import com.hypertube.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subject's public API for films, at its exact paths ({@code /movies}, {@code /movies/{id}}): the same
 * catalog as {@code /api/movies}, in the shapes the subject names. Comments' public paths are in
 * {@code CommentController}, users' in the auth service.
 */
@RestController
class PublicMoviesController {

    /** A film on the front page. */
    record MovieName(UUID id, String name) {}

    /** The front page: most popular first; pass {@code nextCursor} back as {@code cursor} for more. */
    record FrontPage(List<MovieName> items, String nextCursor) {}

    /**
     * A film, as the subject describes it.
     *
     * @param imdbRating the IMDb rating when OMDb is configured, else null ({@code rating} says whose it is)
     * @param length the running time in minutes
     * @param availableSubtitles the languages (ISO 639-1) of the subtitle tracks found with the videos played for
     *     it — inside them, beside them in their torrents, on OpenSubtitles; empty until one was played
     */
    record Movie(
            UUID id,
            String name,
            Double imdbRating,
            Object rating,
            Integer year,
            Integer length,
            List<String> availableSubtitles,
            long commentCount) {}

    private final CatalogService catalog;
    private final AvailableSubtitles subtitles;

    PublicMoviesController(CatalogService catalog, AvailableSubtitles subtitles) {
        this.catalog = catalog;
        this.subtitles = subtitles;
    }

    @Operation(summary = "Films on the front page, with their id and name")
    @GetMapping("/movies")
    FrontPage movies(Caller caller, @RequestParam(required = false) String cursor) {
        TitlePage page = catalog.frontPage(TitleKind.MOVIE, cursor, caller.userId());
        return new FrontPage(
                page.items().stream().map(t -> new MovieName(t.id(), t.title())).toList(), page.nextCursor());
    }

    @Operation(summary = "A film: name, id, IMDb rating, year, length, available subtitles, number of comments")
    @GetMapping("/movies/{id}")
    Movie movie(Caller caller, @PathVariable UUID id) {
        TitleDetails details = catalog.details(TitleKind.MOVIE, id, Languages.DEFAULT, caller.userId());
        Double imdb = details.rating() != null && "imdb".equals(details.rating().source())
                ? details.rating().value()
                : null;
        return new Movie(
                details.id(),
                details.title(),
                imdb,
                details.rating(),
                details.year(),
                details.runtimeMinutes(),
                subtitles.of(details.id()),
                details.commentCount());
    }
}
