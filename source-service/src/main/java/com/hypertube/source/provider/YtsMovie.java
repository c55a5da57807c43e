package com.hypertube.source.provider;

import java.net.URI;
import java.util.List;

/**
 * A film of YTS's catalog, for browsing when no TMDB key is set.
 *
 * @param rating YTS's copy of the IMDb rating, 0 to 10
 * @param cover the medium cover image, or null when YTS gives no http(s) address
 * @param runtime minutes
 */
public record YtsMovie(
        String imdbCode,
        String title,
        Integer year,
        Double rating,
        List<String> genres,
        String summary,
        URI cover,
        Integer runtime) {

    public YtsMovie {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
