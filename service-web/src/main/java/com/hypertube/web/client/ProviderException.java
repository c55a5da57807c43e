package com.hypertube.web.client;

import java.time.Duration;
import java.util.Optional;

/**
 * An outside provider (TMDB, OMDb, YTS, an indexer) could not answer. Callers answer from what they have
 * instead; a background job waits {@link #retryAfter()} when the provider asked it to.
 */
public class ProviderException extends RuntimeException {

    /** Why the provider did not answer. */
    public enum Reason {
        /** 429: too many calls; {@code Retry-After} says for how long. */
        RATE_LIMITED,
        /** 401: the key is wrong or revoked; nothing will work until an administrator fixes it. */
        REFUSED_KEY,
        /** 5xx, a timeout, a refused connection, or a circuit breaker open after many of those. */
        UNAVAILABLE,
        /** A 2xx whose body is not what the provider documents. */
        MALFORMED
    }

    private final String provider;
    private final Reason reason;
    private final Duration retryAfter;

    public ProviderException(String provider, Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String provider() {
        return provider;
    }

    public Reason reason() {
        return reason;
    }

    /** How long to leave the provider alone, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
