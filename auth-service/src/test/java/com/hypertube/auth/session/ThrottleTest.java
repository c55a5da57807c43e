package com.hypertube.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** A clock that only moves when told to. */
    private static final class StoppedClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-21T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final StoppedClock clock = new StoppedClock();
    private final Throttle throttle = new Throttle(3, Duration.ofSeconds(2), Duration.ofSeconds(30), clock);

    @Test
    void freeAttemptsThenDoublingWaitsUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("k")).isFalse();
        }
        assertThat(throttle.retryAfter("k")).isEmpty();

        assertThat(throttle.failed("k")).isTrue();
        assertThat(throttle.retryAfter("k"))
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(2)));
        throttle.failed("k");
        assertThat(throttle.retryAfter("k")).hasValue(Duration.ofSeconds(4));
        throttle.failed("k");
        assertThat(throttle.retryAfter("k")).hasValue(Duration.ofSeconds(8));
        for (int i = 0; i < 10; i++) {
            throttle.failed("k");
        }
        assertThat(throttle.retryAfter("k")).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aLockEndsWithTimeAndASuccessClearsTheKey() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("k");
        }
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.retryAfter("k")).isEmpty();

        throttle.succeeded("k");
        assertThat(throttle.failed("k")).isFalse();
    }

    @Test
    void keysAreIndependentAndTheLongestWaitIsReported() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("a");
        }
        throttle.failed("b");

        assertThat(throttle.retryAfter("b")).isEmpty();
        assertThat(throttle.retryAfter("b", "a")).hasValue(Duration.ofSeconds(4));
    }
}
