package com.hypertube.media.catalog;

import com.hypertube.media.client.TmdbClient;

/** A film or a series; stored as {@code movie} or {@code show}. */
public enum TitleKind {
    MOVIE("movie", TmdbClient.Kind.MOVIE),
    SHOW("show", TmdbClient.Kind.TV);

    final String stored;
    final TmdbClient.Kind tmdb;

    TitleKind(String stored, TmdbClient.Kind tmdb) {
        this.stored = stored;
        this.tmdb = tmdb;
    }

    public String stored() {
        return stored;
    }

    static TitleKind fromStored(String stored) {
        return "show".equals(stored) ? SHOW : MOVIE;
    }
}
