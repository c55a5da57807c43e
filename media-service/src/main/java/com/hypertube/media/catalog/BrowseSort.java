package com.hypertube.media.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders a list can take, each with the column expression it sorts on (the same expression the indexes of
 * V2 cover) and the direction it takes when the caller names none.
 */
public enum BrowseSort {
    NAME("t.search_text", false, false),
    YEAR("coalesce(t.release_year, 0)", true, true),
    RATING("coalesce(t.rating, 0)", true, true),
    POPULARITY("t.popularity", true, true),
    // Seed 003's "popular": how many of our users watched it.
    WATCH_COUNT("t.watch_count", true, true);

    final String column;
    final boolean descendingByDefault;
    final boolean numeric;

    BrowseSort(String column, boolean descendingByDefault, boolean numeric) {
        this.column = column;
        this.descendingByDefault = descendingByDefault;
        this.numeric = numeric;
    }

    /** {@code name}, {@code year}, {@code rating}, {@code popularity} or {@code watchCount}. */
    static Optional<BrowseSort> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "name", "title" -> Optional.of(NAME);
            case "year" -> Optional.of(YEAR);
            case "rating" -> Optional.of(RATING);
            case "popularity" -> Optional.of(POPULARITY);
            case "watchcount", "watched", "watch_count" -> Optional.of(WATCH_COUNT);
            default -> Optional.empty();
        };
    }
}
