package com.hypertube.media.client;

import com.hypertube.media.MediaProperties;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * source-service, called the way every service calls another: the shared outbound client (timeouts, the
 * request id passed on, a circuit breaker) with the caller's own token, so source-service checks who is asking
 * exactly as if the gateway had sent the request. Its answer is passed on as it is: media-service adds nothing
 * to a list of sources.
 */
@Component
public class SourceServiceClient {

    // Our own services answer in camelCase (providers' snake_case reader is ProviderCalls.JSON).
    private static final JsonMapper OUR_JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ProviderCalls calls;

    SourceServiceClient(MediaProperties properties, InstantSource clock) {
        MediaProperties.Sources settings = properties.sources();
        this.calls = new ProviderCalls(
                "source-service", OutboundHttp.client(settings.url(), settings.timeout(), settings.timeout()), clock);
    }

    /** A film's ranked sources, as source-service's JSON; empty when it knows none. */
    public Optional<String> forFilm(String imdbId, String title, Integer year, String quality, String bearer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", title);
        if (year != null) {
            params.put("year", year.toString());
        }
        putIfPresent(params, "quality", quality);
        return get("/api/sources/movies/" + imdbId, params, bearer);
    }

    /** An episode's ranked sources, as source-service's JSON. */
    public Optional<String> forEpisode(
            String imdbId, int season, int episode, String title, String quality, String bearer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", title);
        putIfPresent(params, "quality", quality);
        return get("/api/sources/shows/" + imdbId + "/seasons/" + season + "/episodes/" + episode, params, bearer);
    }

    /**
     * A film of the sources' own catalog (YTS's), for a library without TMDB.
     *
     * @param rating YTS's copy of the IMDb rating, 0 to 10
     * @param cover an https address of a cover, or null
     * @param runtime minutes
     */
    public record SourceTitle(
            String imdbCode,
            String title,
            Integer year,
            Double rating,
            List<String> genres,
            String summary,
            String cover,
            Integer runtime) {}

    /** A page of the sources' own catalog, most downloaded first, asked with this service's own token. */
    public List<SourceTitle> catalogPage(int page, String bearer) {
        return get("/api/sources/catalog/movies", Map.of("page", String.valueOf(page)), bearer)
                .map(body -> {
                    try {
                        return List.of(OUR_JSON.readValue(body, SourceTitle[].class));
                    } catch (JacksonException e) {
                        throw new ProviderException(
                                "source-service",
                                ProviderException.Reason.MALFORMED,
                                "a catalog page that is not JSON",
                                null,
                                e);
                    }
                })
                .orElse(List.of());
    }

    private Optional<String> get(String path, Map<String, String> params, String bearer) {
        return calls.get(path, params, bearer);
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
