package com.hypertube.source.search;

import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.ranking.Ranking;
import com.hypertube.source.release.Quality;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sources of a film, of an episode, or of free words, ranked for the caller's preferred quality. Any
 * caller the guard lets in (a user or an API client) may read them; nothing here writes on a caller's behalf.
 * Each parameter is checked here, with a problem type of its own, before any provider is asked.
 */
@RestController
@RequestMapping("/api/sources")
class SourceController {

    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{1,10}");
    private static final int MAX_TEXT = 200;

    private final SourceSearch search;

    SourceController(SourceSearch search) {
        this.search = search;
    }

    @GetMapping("/movies/{imdbId}")
    SourcesAnswer film(
            Caller caller,
            @PathVariable String imdbId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String quality) {
        checkImdbId(imdbId);
        if (year != null && (year < 1870 || year > 2200)) {
            throw bad("invalid-year", "The year is between 1870 and 2200.");
        }
        return search.title(TitleQuery.film(imdbId, titleOr(title, imdbId), year), quality(quality));
    }

    @GetMapping("/shows/{imdbId}/seasons/{season}/episodes/{episode}")
    SourcesAnswer episode(
            Caller caller,
            @PathVariable String imdbId,
            @PathVariable int season,
            @PathVariable int episode,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String quality) {
        checkImdbId(imdbId);
        if (season < 0 || season > 1000) {
            throw bad("invalid-season", "The season is a number from 0 to 1000.");
        }
        if (episode < 0 || episode > 10_000) {
            throw bad("invalid-episode", "The episode is a number from 0 to 10000.");
        }
        return search.title(TitleQuery.episode(imdbId, titleOr(title, imdbId), season, episode), quality(quality));
    }

    @GetMapping("/search")
    SourcesAnswer words(
            Caller caller,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String quality) {
        if (query == null || query.isBlank() || query.length() > MAX_TEXT) {
            throw bad("invalid-query", "The query has 1 to " + MAX_TEXT + " characters.");
        }
        return search.words(query, quality(quality));
    }

    private static void checkImdbId(String imdbId) {
        if (!IMDB_ID.matcher(imdbId).matches()) {
            throw bad("invalid-imdb-id", "An IMDb id is tt followed by 1 to 10 digits, e.g. tt0133093.");
        }
    }

    // The title only helps indexers that search by words; without one, they search by the id.
    private static String titleOr(String title, String imdbId) {
        if (title == null || title.isBlank()) {
            return imdbId;
        }
        if (title.length() > MAX_TEXT) {
            throw bad("invalid-title", "The title has at most " + MAX_TEXT + " characters.");
        }
        return title;
    }

    private static Quality quality(String quality) {
        if (quality == null || quality.isBlank()) {
            return Ranking.DEFAULT_QUALITY;
        }
        return Ranking.quality(quality)
                .orElseThrow(() -> bad("invalid-quality", "The quality is one of 2160p, 1080p, 720p or 480p."));
    }

    private static RuntimeException bad(String kind, String detail) {
        return ProblemTypes.error(HttpStatus.BAD_REQUEST, kind, detail);
    }
}
