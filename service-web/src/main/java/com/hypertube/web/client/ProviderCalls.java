package com.hypertube.web.client;

import com.hypertube.web.client.ProviderException.Reason;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a service calls one outside provider (TMDB, OMDb, YTS, an indexer): a GET (or a POST), its status read (404 is an answer, not a failure), a
 * provider's {@code 429} honoured for as long as its {@code Retry-After} says (calls during that time fail at
 * once, without reaching it), a circuit breaker that stops calling a provider that keeps failing, and the body
 * parsed into the documented records.
 */
public final class ProviderCalls {

    /** Reads providers' JSON: snake_case names, unknown fields ignored (providers add fields freely). */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // The largest answer read (a details call with credits is ~100 KiB); a bigger one is cut and fails to parse.
    private static final int MAX_BODY_BYTES = 8 << 20;

    // When a provider says 429 without saying for how long.
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    private final String provider;
    private final RestClient http;
    private final InstantSource clock;
    private final CircuitBreaker breaker;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

    public ProviderCalls(String provider, RestClient http, InstantSource clock) {
        this.provider = provider;
        this.http = http;
        this.clock = clock;
        this.breaker = CircuitBreaker.of(
                provider,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        // Only outages open the breaker: a refused key or a bad body will not mend by waiting.
                        .recordException(e -> e instanceof ProviderException p && p.reason() == Reason.UNAVAILABLE)
                        .build());
    }

    /** The body of a GET as text, or empty on a 404. */
    public Optional<String> get(Function<UriBuilder, URI> uri, HttpHeaders headers) {
        checkPaused();
        try {
            return breaker.executeSupplier(() -> call(uri, headers));
        } catch (CallNotPermittedException open) {
            throw new ProviderException(provider, Reason.UNAVAILABLE, "failing, not called for a while", null, open);
        }
    }

    /**
     * A GET of {@code path} with these query values, each encoded whole as a template variable (a query such as
     * "Tom & Jerry" reaches the provider as one value, never as two parameters), with an {@code Authorization}
     * header when one is given; empty on a 404.
     */
    public Optional<String> get(String path, Map<String, String> query, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return get(
                uri -> {
                    uri.path(path);
                    query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
                    return uri.build(query);
                },
                headers);
    }

    /** A provider's answer to a POST: its status and body. */
    public record Answer(int status, String body) {}

    /**
     * A POST of a JSON body to {@code path}, with these headers, under the same rules as a GET (429 honoured, 401
     * a refused key, 5xx and timeouts an outage for the circuit breaker); a status in {@code answers} (OpenSubtitles'
     * 406, say, which says something a caller acts on) comes back as an answer rather than a failure.
     */
    public Answer post(String path, String json, HttpHeaders headers, Set<Integer> answers) {
        checkPaused();
        try {
            return breaker.executeSupplier(() -> {
                Response response = exchange(
                        http.post()
                                .uri(uri -> uri.path(path).build())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(json),
                        headers,
                        answers);
                return new Answer(response.status(), new String(response.body(), StandardCharsets.UTF_8));
            });
        } catch (CallNotPermittedException open) {
            throw new ProviderException(provider, Reason.UNAVAILABLE, "failing, not called for a while", null, open);
        }
    }

    /**
     * The bytes at an absolute address the provider gave (a download link), read under the same rules as a GET;
     * empty on a 404.
     */
    public Optional<byte[]> getBytes(URI absolute, HttpHeaders headers) {
        checkPaused();
        try {
            return breaker.executeSupplier(() -> {
                Response response = exchange(http.get().uri(absolute), headers, Set.of());
                return response.status() == 404 ? Optional.<byte[]>empty() : Optional.of(response.body());
            });
        } catch (CallNotPermittedException open) {
            throw new ProviderException(provider, Reason.UNAVAILABLE, "failing, not called for a while", null, open);
        }
    }

    private void checkPaused() {
        Instant until = pausedUntil.get();
        if (clock.instant().isBefore(until)) {
            throw new ProviderException(
                    provider,
                    Reason.RATE_LIMITED,
                    "still rate-limited",
                    Duration.between(clock.instant(), until),
                    null);
        }
    }

    private record Response(int status, byte[] body) {}

    private Response exchange(RestClient.RequestHeadersSpec<?> request, HttpHeaders headers, Set<Integer> answers) {
        try {
            return request.headers(h -> h.addAll(headers)).exchange((sent, response) -> {
                int status = response.getStatusCode().value();
                byte[] body = response.getBody().readNBytes(MAX_BODY_BYTES);
                if (status == 404 || answers.contains(status) || (status >= 200 && status < 300)) {
                    return new Response(status, body);
                }
                fail(status, response.getHeaders(), new String(body, StandardCharsets.UTF_8));
                return null;
            });
        } catch (ResourceAccessException e) {
            throw new ProviderException(
                    provider, Reason.UNAVAILABLE, "did not answer in time or refused the connection", null, e);
        } catch (RestClientException e) {
            throw new ProviderException(provider, Reason.UNAVAILABLE, "the call failed", null, e);
        }
    }

    /** Throws what an unexpected status means. */
    private void fail(int status, HttpHeaders headers, String body) {
        if (status == 429) {
            Duration wait = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
            pausedUntil.accumulateAndGet(clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
            throw new ProviderException(provider, Reason.RATE_LIMITED, "429 Too Many Requests", wait, null);
        }
        if (status == 401) {
            throw new ProviderException(provider, Reason.REFUSED_KEY, "refused the key: " + message(body), null, null);
        }
        Reason reason = status >= 500 ? Reason.UNAVAILABLE : Reason.MALFORMED;
        throw new ProviderException(provider, reason, "answered " + status + ": " + message(body), null, null);
    }

    /** The body as the provider's documented record; anything else is {@link Reason#MALFORMED}. */
    public <T> T parse(String body, Class<T> type) {
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new ProviderException(provider, Reason.MALFORMED, "an empty body", null, null);
            }
            return value;
        } catch (JacksonException e) {
            throw new ProviderException(provider, Reason.MALFORMED, "a body that is not its documented JSON", null, e);
        }
    }

    private Optional<String> call(Function<UriBuilder, URI> uri, HttpHeaders headers) {
        try {
            return http.get().uri(uri).headers(h -> h.addAll(headers)).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                String body = new String(response.getBody().readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
                if (status == 404) {
                    return Optional.<String>empty();
                }
                if (status == 429) {
                    Duration wait = retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                    pausedUntil.accumulateAndGet(clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
                    throw new ProviderException(provider, Reason.RATE_LIMITED, "429 Too Many Requests", wait, null);
                }
                if (status == 401) {
                    throw new ProviderException(
                            provider, Reason.REFUSED_KEY, "refused the key: " + message(body), null, null);
                }
                if (status >= 200 && status < 300) {
                    return Optional.of(body);
                }
                Reason reason = status >= 500 ? Reason.UNAVAILABLE : Reason.MALFORMED;
                throw new ProviderException(provider, reason, "answered " + status + ": " + message(body), null, null);
            });
        } catch (ResourceAccessException e) {
            throw new ProviderException(
                    provider, Reason.UNAVAILABLE, "did not answer in time or refused the connection", null, e);
        } catch (RestClientException e) {
            throw new ProviderException(provider, Reason.UNAVAILABLE, "the call failed", null, e);
        }
    }

    /**
     * What a provider's error body says (TMDB's {@code status_message}, OMDb's {@code Error}, a common
     * {@code message} or {@code error}); anything else is cut short. It goes to the log, never to a user.
     */
    private static String message(String body) {
        try {
            tools.jackson.databind.JsonNode error = JSON.readTree(body);
            for (String field : new String[] {"status_message", "Error", "message", "error"}) {
                if (error != null && error.path(field).isString()) {
                    return error.path(field).asString();
                }
            }
        } catch (JacksonException ignored) {
            // not JSON
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110), capped at an hour. */
    public Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.trim(), Instant::from);
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
