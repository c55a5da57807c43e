package com.hypertube.media.catalog;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** What the catalog's endpoints answer: records at the edge, built from {@link TitleRow}s. */
public final class CatalogViews {

    private CatalogViews() {}

    /**
     * A rating and where it comes from: {@code imdb} (OMDb), {@code tmdb} (TMDB's users' score) or {@code yts}.
     */
    public record Rating(double value, String source, Integer votes) {}

    /** An item of a list. */
    public record TitleSummary(
            UUID id,
            String kind,
            String title,
            Integer year,
            Rating rating,
            URI coverUrl,
            List<String> genres,
            boolean watched,
            boolean inProgress) {

        /** The same item as one viewer sees it. */
        public TitleSummary withMarks(boolean watched, boolean inProgress) {
            return new TitleSummary(id, kind, title, year, rating, coverUrl, genres, watched, inProgress);
        }
    }

    /**
     * A page of a list; {@code nextCursor} is null on the last page.
     *
     * @param sort the order the page is in, as {@code name}, {@code year}…
     * @param descending its direction
     */
    public record TitlePage(List<TitleSummary> items, String nextCursor, String sort, boolean descending) {}

    /** A genre: {@code id} is what the {@code genre} filter takes, {@code name} what the user reads. */
    public record Genre(String id, String name) {}

    public record CastMember(String name, String character) {}

    public record SeasonSummary(int number, String name, Integer episodeCount, String airDate) {}

    /** A title's page. */
    public record TitleDetails(
            UUID id,
            String kind,
            String title,
            String originalTitle,
            Integer year,
            Integer runtimeMinutes,
            String overview,
            Rating rating,
            URI coverUrl,
            URI backdropUrl,
            List<String> genres,
            String director,
            List<String> producers,
            List<CastMember> cast,
            String imdbId,
            Integer tmdbId,
            List<SeasonSummary> seasons,
            long commentCount,
            boolean watched,
            boolean inProgress,
            String metadataSource) {}

    public record Episode(
            int number, String name, String overview, String airDate, Integer runtimeMinutes, URI stillUrl) {}

    public record Season(int number, String name, String overview, String airDate, List<Episode> episodes) {}
}
