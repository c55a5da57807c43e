package com.hypertube.media.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * TMDB API v3's answers, as far as the catalog reads them (fields in camelCase here, snake_case on the wire;
 * unknown fields are ignored, absent ones are null). Films have {@code title} and {@code release_date}, series
 * {@code name} and {@code first_air_date}; one record reads both.
 */
public final class TmdbModels {

    private TmdbModels() {}

    /** A page of a list, a search or a discover call. TMDB never serves a page past 500. */
    public record Page(Integer page, List<ListItem> results, Integer totalPages, Integer totalResults) {
        public List<ListItem> resultsOrEmpty() {
            return results == null ? List.of() : results;
        }
    }

    public record ListItem(
            Integer id,
            String title,
            String name,
            String originalTitle,
            String originalName,
            String originalLanguage,
            String releaseDate,
            String firstAirDate,
            String overview,
            String posterPath,
            String backdropPath,
            Double voteAverage,
            Integer voteCount,
            Double popularity,
            List<Integer> genreIds) {}

    /** {@code /movie/{id}} or {@code /tv/{id}} with {@code append_to_response=credits,external_ids,translations}. */
    public record Details(
            Integer id,
            String title,
            String name,
            String originalTitle,
            String originalName,
            String originalLanguage,
            String releaseDate,
            String firstAirDate,
            String overview,
            String posterPath,
            String backdropPath,
            Double voteAverage,
            Integer voteCount,
            Double popularity,
            Integer runtime,
            List<Integer> episodeRunTime,
            String imdbId,
            List<Genre> genres,
            List<Person> createdBy,
            Integer numberOfSeasons,
            List<SeasonSummary> seasons,
            Credits credits,
            ExternalIds externalIds,
            Translations translations) {}

    public record Genre(Integer id, String name) {}

    public record Genres(List<Genre> genres) {}

    public record Person(Integer id, String name, String job, String department, String character, Integer order) {}

    public record Credits(List<Person> cast, List<Person> crew) {}

    public record ExternalIds(String imdbId) {}

    public record Translations(List<Translation> translations) {}

    public record Translation(
            @JsonProperty("iso_639_1") String language,
            @JsonProperty("iso_3166_1") String country,
            TranslationData data) {}

    public record TranslationData(String title, String name) {}

    public record SeasonSummary(
            Integer seasonNumber,
            String name,
            String overview,
            String airDate,
            String posterPath,
            Integer episodeCount) {}

    /** {@code /tv/{id}/season/{n}}. */
    public record Season(
            Integer seasonNumber,
            String name,
            String overview,
            String airDate,
            String posterPath,
            List<Episode> episodes) {}

    public record Episode(
            Integer seasonNumber,
            Integer episodeNumber,
            String name,
            String overview,
            String airDate,
            Integer runtime,
            String stillPath) {}

    /** {@code /find/{imdb_id}?external_source=imdb_id}. */
    public record Found(List<ListItem> movieResults, List<ListItem> tvResults) {}

    /** TMDB's error body: {@code {"status_code":7,"status_message":"Invalid API key…","success":false}}. */
    public record Error(Integer statusCode, String statusMessage) {}
}
