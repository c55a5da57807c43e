package com.hypertube.media.catalog;

import com.hypertube.media.catalog.CatalogViews.CastMember;
import com.hypertube.media.catalog.CatalogViews.Rating;
import com.hypertube.media.catalog.CatalogViews.SeasonSummary;
import com.hypertube.media.catalog.CatalogViews.TitleDetails;
import com.hypertube.media.catalog.CatalogViews.TitleSummary;
import com.hypertube.media.client.TmdbClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored rows into the records the API answers: cover addresses, translated genres, the rating's source. */
@Component
class TitleViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TmdbClient tmdb;

    TitleViews(TmdbClient tmdb) {
        this.tmdb = tmdb;
    }

    TitleSummary summary(TitleRow row, Map<String, String> genreNames) {
        return new TitleSummary(
                row.id(),
                row.kind().stored(),
                row.title(),
                row.year(),
                rating(row),
                image(row.posterPath(), true),
                translate(row.genres(), genreNames),
                row.watched(),
                row.inProgress());
    }

    TitleDetails details(TitleRow row, Map<String, String> genreNames, List<SeasonSummary> seasons, long commentCount) {
        return new TitleDetails(
                row.id(),
                row.kind().stored(),
                row.title(),
                row.originalTitle(),
                row.year(),
                row.runtimeMinutes(),
                row.overview(),
                rating(row),
                image(row.posterPath(), true),
                image(row.backdropPath(), false),
                translate(row.genres(), genreNames),
                row.director(),
                row.producers(),
                cast(row.castJson()),
                row.imdbId(),
                row.tmdbId(),
                seasons,
                commentCount,
                row.watched(),
                row.inProgress(),
                row.metadataSource());
    }

    CatalogViews.Season season(TitleRepository.SeasonRow season) {
        return new CatalogViews.Season(
                season.number(),
                season.name(),
                season.overview(),
                season.airDate(),
                season.episodes().stream()
                        .map(e -> new CatalogViews.Episode(
                                e.number(),
                                e.name(),
                                e.overview(),
                                e.airDate(),
                                e.runtimeMinutes(),
                                image(e.stillPath(), false)))
                        .toList());
    }

    private static Rating rating(TitleRow row) {
        return row.rating() == null ? null : new Rating(row.rating(), row.ratingSource(), row.ratingVotes());
    }

    /**
     * A TMDB image path becomes TMDB's address for it; a title registered from elsewhere (YTS, the demo library)
     * stores a whole https address, or a path of ours.
     */
    private URI image(String path, boolean poster) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("https://") || path.startsWith("/api/")) {
            return URI.create(path);
        }
        return poster ? tmdb.posterUrl(path) : tmdb.backdropUrl(path);
    }

    private static List<String> translate(List<String> genres, Map<String, String> names) {
        return genres.stream().map(g -> names.getOrDefault(g, g)).toList();
    }

    private static List<CastMember> cast(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<CastMember>>() {});
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
