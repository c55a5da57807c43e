package com.hypertube.contract;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What access tokens were verified as, until they expire — the one cache of the gateway and the services. A
 * browser or a player sends the same token with every request for its 15 minutes, and checking an RSA
 * signature and parsing the token each time is most of a token check's cost; the signature covers the string,
 * so a token maps to one result for ever and only expiry needs asking again. Failures are never remembered.
 * Bounded: past {@code maxEntries} it starts over (tokens are short-lived; a flood only costs re-verification).
 *
 * @param <T> what a verified token is (the gateway's {@code Jwt}, a service's {@code Caller})
 */
public final class VerifiedTokens<T> {

    /** What the cache knows of a token. */
    public sealed interface Lookup<T> {
        /** Verified before and still valid. */
        record Known<T>(T value) implements Lookup<T> {}

        /** Verified before, and expired since: refuse it without verifying again. */
        record Expired<T>() implements Lookup<T> {}

        /** Never verified (or forgotten): verify it. */
        record Unknown<T>() implements Lookup<T> {}
    }

    private record Entry<T>(T value, Instant expires) {}

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final InstantSource clock;

    public VerifiedTokens(int maxEntries, InstantSource clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Lookup<T> lookup(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return new Lookup.Unknown<>();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(token);
            return new Lookup.Expired<>();
        }
        return new Lookup.Known<>(entry.value());
    }

    /** Remembers a token that verified, until it expires. */
    public void remember(String token, T value, Instant expires) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(token, new Entry<>(value, expires));
    }
}
