package com.hypertube.source.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.provider.YtsMovie;
import com.hypertube.source.provider.YtsProvider;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sources' own catalog — YTS's films, most downloaded first, with title, year, rating, genres, summary and
 * cover — which media-service's sync reads (with its service token) when no TMDB key is set. Pages are kept an
 * hour: a sync reads a handful of them an hour, and YTS is not ours to hammer. An empty page when every mirror
 * is down. The films of a page read from YTS become the library's titles, so they are offered to the
 * background search, which finds their sources before anyone opens them.
 */
@RestController
class CatalogFeedController {

    static final int MAX_PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(CatalogFeedController.class);

    private final IntFunction<List<YtsMovie>> yts;
    private final Cache<Integer, List<YtsMovie>> pages = Caffeine.newBuilder()
            .maximumSize(MAX_PAGE)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    @Autowired
    CatalogFeedController(YtsProvider yts, SearchedTitles titles) {
        this(page -> offered(yts.listMovies(page, "download_count"), titles));
    }

    CatalogFeedController(IntFunction<List<YtsMovie>> yts) {
        this.yts = yts;
    }

    @Operation(summary = "The sources' own catalog of films (YTS's), most downloaded first, 20 a page")
    @GetMapping("/api/sources/catalog/movies")
    List<YtsMovie> movies(Caller caller, @RequestParam(defaultValue = "1") int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST, "invalid-page", "The page is a number from 1 to " + MAX_PAGE + ".");
        }
        List<YtsMovie> movies = pages.getIfPresent(page);
        if (movies == null) {
            movies = yts.apply(page);
            if (!movies.isEmpty()) {
                pages.put(page, movies); // an empty page (mirrors down) is asked again next time
            }
        }
        return movies;
    }

    static List<YtsMovie> offered(List<YtsMovie> movies, SearchedTitles titles) {
        List<TitleQuery> films = new ArrayList<>();
        for (YtsMovie movie : movies) {
            try {
                films.add(TitleQuery.film(movie.imdbCode(), movie.title(), movie.year()));
            } catch (IllegalArgumentException noIdOrTitle) {
                // YTS lists a few films without an IMDb id: no provider but the local folder could search them
            }
        }
        try {
            titles.offered(films);
        } catch (DataAccessException e) {
            // The page is still worth serving: the next read of it offers its films again.
            log.warn("Could not offer {} catalog films to the background search", films.size(), e);
        }
        return movies;
    }
}
