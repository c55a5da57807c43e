package com.hypertube.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves by hand, so waiting for a Retry-After, a cache's expiry or a token's end takes no time.
 * Either stopped at a given instant ({@link #stoppedAt}), for tests that want exact times, or running with
 * real time plus an offset ({@link #runningFromNow}), for a service whose other parts read real time too.
 */
public final class MovableClock extends Clock {

    private final Supplier<Instant> base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MovableClock(Supplier<Instant> base) {
        this.base = base;
    }

    public static MovableClock stoppedAt(Instant start) {
        return new MovableClock(() -> start);
    }

    public static MovableClock runningFromNow() {
        return new MovableClock(Instant::now);
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
