package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The upload limit with a clock the test moves: no real waiting. */
class UploadLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong slept = new AtomicLong();

    private UploadLimit limit(long bytesPerSecond) {
        return new UploadLimit(bytesPerSecond, now::get, millis -> {
            slept.addAndGet(millis);
            now.addAndGet(millis);
        });
    }

    @Test
    void sendingTenSecondsWorthTakesNineSecondsAfterTheFirstSecondsBurst() throws Exception {
        UploadLimit limit = limit(100_000);

        for (int block = 0; block < 61; block++) {
            limit.acquire(16_384); // 61 blocks ≈ 1 MB
        }

        // The bucket starts full (100 kB); the other ~900 kB wait at 100 kB/s.
        assertThat(slept.get()).isBetween(8_900L, 9_100L);
    }

    @Test
    void aPauseIsNotMadeUpByABurst() throws Exception {
        UploadLimit limit = limit(100_000);
        limit.acquire(100_000);
        now.addAndGet(60_000); // a minute of silence

        limit.acquire(100_000);
        limit.acquire(100_000);

        assertThat(slept.get()).as("only one second's worth was saved up").isBetween(990L, 1_010L);
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        UploadLimit limit = limit(0);

        for (int block = 0; block < 1_000; block++) {
            limit.acquire(16_384);
        }

        assertThat(slept.get()).isZero();
    }
}
