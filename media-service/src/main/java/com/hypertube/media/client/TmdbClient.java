package com.hypertube.media.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hypertube.media.MediaProperties;
import com.hypertube.media.client.TmdbModels.Details;
import com.hypertube.media.client.TmdbModels.Found;
import com.hypertube.media.client.TmdbModels.Genres;
import com.hypertube.media.client.TmdbModels.Page;
import com.hypertube.media.client.TmdbModels.Season;
import com.hypertube.web.cache.ClockTicker;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * TMDB API v3, behind a cache of its answers (Caffeine, 24 h by default): the same question within that time
 * is answered without calling TMDB. Pages past TMDB's cap (500) are never asked for. The key goes as a bearer
 * token when a read token is set, else as {@code api_key}.
 */
@Component
public class TmdbClient {

    /** TMDB refuses any page past this one. */
    public static final int MAX_PAGE = 500;

    private static final java.util.regex.Pattern IMAGE_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9_.-]{1,100}");

    /** Films or series: TMDB's path segment for each. */
    public enum Kind {
        MOVIE("movie"),
        TV("tv");

        final String segment;

        Kind(String segment) {
            this.segment = segment;
        }
    }

    private final MediaProperties.Tmdb settings;
    private final ProviderCalls calls;
    private final Cache<String, Optional<String>> answers;

    TmdbClient(MediaProperties properties, InstantSource clock) {
        this.settings = properties.tmdb();
        this.calls = new ProviderCalls(
                "TMDB",
                OutboundHttp.client(settings.apiUrl(), settings.connectTimeout(), settings.readTimeout()),
                clock);
        this.answers = Caffeine.newBuilder()
                .maximumSize(settings.cacheEntries())
                .expireAfterWrite(settings.cacheTtl())
                .ticker(ClockTicker.of(clock))
                .build();
    }

    public boolean configured() {
        return settings.configured();
    }

    public Page trending(Kind kind, int page, String language) {
        return page("/trending/" + kind.segment + "/week", page, language, Map.of());
    }

    public Page popular(Kind kind, int page, String language) {
        return page("/" + kind.segment + "/popular", page, language, Map.of());
    }

    public Page search(Kind kind, String query, int page, String language) {
        return page("/search/" + kind.segment, page, language, Map.of("query", query, "include_adult", "false"));
    }

    /** A film's or series' details with credits, external ids and translations, or empty when TMDB has none. */
    public Optional<Details> details(Kind kind, int tmdbId, String language) {
        return get(
                        "/" + kind.segment + "/" + tmdbId,
                        Map.of("language", language, "append_to_response", "credits,external_ids,translations"))
                .map(body -> calls.parse(body, Details.class));
    }

    public Optional<Season> season(int tmdbId, int seasonNumber, String language) {
        return get("/tv/" + tmdbId + "/season/" + seasonNumber, Map.of("language", language))
                .map(body -> calls.parse(body, Season.class));
    }

    public Genres genres(Kind kind, String language) {
        return get("/genre/" + kind.segment + "/list", Map.of("language", language))
                .map(body -> calls.parse(body, Genres.class))
                .orElse(new Genres(java.util.List.of()));
    }

    /** What TMDB knows under an IMDb id. */
    public Optional<Found> findByImdbId(String imdbId) {
        return get("/find/" + imdbId, Map.of("external_source", "imdb_id")).map(body -> calls.parse(body, Found.class));
    }

    /** The address of a cover, or null when there is none. */
    public URI posterUrl(String path) {
        return image(settings.posterSize(), path);
    }

    public URI backdropUrl(String path) {
        return image(settings.backdropSize(), path);
    }

    private URI image(String size, String path) {
        if (path == null || !IMAGE_PATH.matcher(path).matches()) {
            return null;
        }
        return URI.create(settings.imageUrl() + "/" + size + path);
    }

    private Page page(String path, int page, String language, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("page", String.valueOf(Math.clamp(page, 1, MAX_PAGE)));
        params.put("language", language);
        return get(path, params)
                .map(body -> calls.parse(body, Page.class))
                .orElse(new Page(page, java.util.List.of(), 0, 0));
    }

    private Optional<String> get(String path, Map<String, String> params) {
        if (!configured()) {
            throw new ProviderException(
                    "TMDB", ProviderException.Reason.REFUSED_KEY, "no key is configured", null, null);
        }
        String key = path + "?" + new java.util.TreeMap<>(params);
        Optional<String> cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> answer = call(path, params);
        answers.put(key, answer);
        return answer;
    }

    // The key goes as a bearer token when a read token is set, else as the api_key parameter.
    private Optional<String> call(String path, Map<String, String> params) {
        if (hasText(settings.readToken())) {
            return calls.get(path, params, "Bearer " + settings.readToken());
        }
        Map<String, String> withKey = new LinkedHashMap<>(params);
        withKey.put("api_key", settings.apiKey());
        return calls.get(path, withKey, null);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
