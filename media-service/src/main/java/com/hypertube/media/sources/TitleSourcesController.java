package com.hypertube.media.sources;

import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.catalog.CatalogViews.TitleDetails;
import com.hypertube.media.catalog.Languages;
import com.hypertube.media.catalog.TitleKind;
import com.hypertube.media.client.SourceServiceClient;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import com.hypertube.web.client.ProviderException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A title's ranked sources at the title's own address ({@code /api/movies/{id}/sources}): the catalog knows the
 * title's IMDb id, name and year, source-service finds and ranks the torrents. A title without an IMDb id has
 * none to look up (an empty list, said so); source-service down is a 503 problem, never an empty list that
 * would read as "nothing exists".
 */
@RestController
class TitleSourcesController {

    private static final String EMPTY = "{\"sources\":[],\"providers\":[]}";

    private final CatalogService catalog;
    private final SourceServiceClient sources;

    TitleSourcesController(CatalogService catalog, SourceServiceClient sources) {
        this.catalog = catalog;
        this.sources = sources;
    }

    @Operation(summary = "A film's sources, best first, each with its score and the reasons for it")
    @GetMapping("/api/movies/{id}/sources")
    ResponseEntity<String> film(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String quality,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
        String preferred = quality(quality);
        TitleDetails film = catalog.details(TitleKind.MOVIE, id, Languages.DEFAULT, caller.userId());
        if (film.imdbId() == null) {
            return json(EMPTY);
        }
        return json(ask(() -> sources.forFilm(film.imdbId(), film.title(), film.year(), preferred, bearer)));
    }

    @Operation(summary = "An episode's sources, best first, each with its score and the reasons for it")
    @GetMapping("/api/shows/{id}/seasons/{season}/episodes/{episode}/sources")
    ResponseEntity<String> episode(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable int season,
            @PathVariable int episode,
            @RequestParam(required = false) String quality,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
        if (season < 0 || season > 1000 || episode < 0 || episode > 10_000) {
            throw ProblemTypes.error(HttpStatus.NOT_FOUND, "not-found", "No such season or episode.");
        }
        String preferred = quality(quality);
        TitleDetails show = catalog.details(TitleKind.SHOW, id, Languages.DEFAULT, caller.userId());
        if (show.imdbId() == null) {
            return json(EMPTY);
        }
        return json(ask(() -> sources.forEpisode(show.imdbId(), season, episode, show.title(), preferred, bearer)));
    }

    private static String ask(java.util.function.Supplier<java.util.Optional<String>> call) {
        try {
            return call.get().orElse(EMPTY);
        } catch (ProviderException e) {
            throw ProblemTypes.error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "sources-unavailable",
                    "Finding sources is not possible right now; try again in a moment.");
        }
    }

    private static String quality(String quality) {
        if (quality == null || quality.isBlank()) {
            return null;
        }
        if (!quality.matches("(2160|1080|720|480)p")) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST, "invalid-parameter", "quality must be 2160p, 1080p, 720p or 480p.");
        }
        return quality;
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
