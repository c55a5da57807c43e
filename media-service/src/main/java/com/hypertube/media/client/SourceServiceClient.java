package com.hypertube.media.client;

import com.hypertube.media.MediaProperties;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * source-service, called the way every service calls another: the shared outbound client (timeouts, the
 * request id passed on, a circuit breaker) with the caller's own token, so source-service checks who is asking
 * exactly as if the gateway had sent the request. Its answer is passed on as it is: media-service adds nothing
 * to a list of sources.
 */
@Component
public class SourceServiceClient {

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

    private Optional<String> get(String path, Map<String, String> params, String bearer) {
        HttpHeaders headers = new HttpHeaders();
        if (bearer != null) {
            headers.set(HttpHeaders.AUTHORIZATION, bearer);
        }
        return calls.get(
                uri -> {
                    uri.path(path);
                    params.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
                    return uri.build(params);
                },
                headers);
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }
}
