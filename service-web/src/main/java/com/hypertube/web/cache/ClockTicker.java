package com.hypertube.web.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A Caffeine {@link Ticker} that reads the service's clock, so a cache's time-to-live runs on the same time as
 * everything else: a test moves the clock an hour on instead of waiting an hour. The one way every service's
 * caches tell time.
 */
public final class ClockTicker implements Ticker {

    private final InstantSource clock;

    private ClockTicker(InstantSource clock) {
        this.clock = clock;
    }

    public static Ticker of(InstantSource clock) {
        return new ClockTicker(clock);
    }

    @Override
    public long read() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
