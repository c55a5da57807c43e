package com.hypertube.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing back-off after repeated failures, by key ("ip:…", "user:…"): {@code freeAttempts} failures
 * are free, then each further one locks the key for twice as long as the last, up to {@code maxLockout}.
 * Kept in memory: one instance of the auth service sees every sign-in of a self-hosted install, and a
 * restart forgetting the counts costs an attacker's attempts, not a user's account.
 */
public final class Throttle {

    private static final int MAX_KEYS = 100_000;

    private final int freeAttempts;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public Throttle(int freeAttempts, Duration firstLockout, Duration maxLockout, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    /** How long to wait before trying again, if any of these keys is locked now. */
    public Optional<Duration> retryAfter(String... keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Failures entry = failures.get(key);
            if (entry != null
                    && entry.lockedUntil() != null
                    && entry.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, entry.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failure against each key; true if it locked one of them. */
    public boolean failed(String... keys) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            forgetOlderThan(now.minus(maxLockout.multipliedBy(2)));
        }
        boolean locked = false;
        for (String key : keys) {
            Failures entry = failures.compute(key, (k, old) -> next(old, now));
            locked |= entry.lockedUntil() != null && entry.lockedUntil().isAfter(now);
        }
        return locked;
    }

    /** Clears a key after a success (the account's, not the address's: one success does not clear an IP). */
    public void succeeded(String key) {
        failures.remove(key);
    }

    private Failures next(Failures old, Instant now) {
        // Failures long past are forgotten: the count starts over after a quiet period.
        int count = old == null || old.last().plus(maxLockout.multipliedBy(2)).isBefore(now) ? 1 : old.count() + 1;
        if (count <= freeAttempts) {
            return new Failures(count, now, null);
        }
        int doublings = Math.min(count - freeAttempts - 1, 30);
        Duration lockout = firstLockout.multipliedBy(1L << doublings);
        if (lockout.compareTo(maxLockout) > 0) {
            lockout = maxLockout;
        }
        return new Failures(count, now, now.plus(lockout));
    }

    private void forgetOlderThan(Instant cutoff) {
        failures.entrySet().removeIf(entry -> entry.getValue().last().isBefore(cutoff));
    }
}
