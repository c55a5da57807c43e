package com.hypertube.media.catalog;

import java.util.Optional;
import java.util.UUID;

/**
 * One page of a list as asked: what to match, what order, where to start. Built and checked by
 * {@link CatalogController}; read by {@link TitleRepository#browse}.
 *
 * @param kind films or series
 * @param search the query in {@link SearchText} form, blank for none
 * @param genre a genre's English name (as stored), or null
 * @param yearFrom earliest year, inclusive, or null
 * @param yearTo latest year, inclusive, or null
 * @param minRating lowest rating (0–10), or null
 * @param sort the order
 * @param descending its direction
 * @param after where the previous page ended, or empty for the first page
 * @param limit how many items at most
 * @param language the language titles are shown in when a translation exists
 * @param viewer the user whose watched and in-progress marks are shown; empty for an API client
 */
record BrowseQuery(
        TitleKind kind,
        String search,
        String genre,
        Integer yearFrom,
        Integer yearTo,
        Double minRating,
        BrowseSort sort,
        boolean descending,
        Optional<Cursor> after,
        int limit,
        String language,
        Optional<UUID> viewer) {}
