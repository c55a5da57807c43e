package com.hypertube.media.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A title as the database holds it, with the viewer's marks; never leaves the service as such. */
record TitleRow(
        UUID id,
        TitleKind kind,
        Integer tmdbId,
        String imdbId,
        String title,
        String originalTitle,
        Integer year,
        Integer runtimeMinutes,
        String overview,
        String posterPath,
        String backdropPath,
        Double rating,
        String ratingSource,
        Integer ratingVotes,
        List<String> genres,
        String director,
        List<String> producers,
        String castJson,
        Integer seasonCount,
        String metadataSource,
        Instant detailsFetchedAt,
        double popularity,
        int watchCount,
        String searchText,
        boolean watched,
        boolean inProgress) {

    /** This title's value in a sort, as a cursor carries it. */
    String sortValue(BrowseSort sort) {
        return switch (sort) {
            case NAME -> searchText;
            case YEAR -> String.valueOf(year == null ? 0 : year);
            case RATING -> String.valueOf(rating == null ? 0.0 : rating);
            case POPULARITY -> String.valueOf(popularity);
            case WATCH_COUNT -> String.valueOf(watchCount);
        };
    }
}
