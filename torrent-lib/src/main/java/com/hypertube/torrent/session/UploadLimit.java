package com.hypertube.torrent.session;

import com.hypertube.torrent.time.TimeSource;

/**
 * A token bucket for the bytes we upload, shared by every torrent of a client: each block served waits
 * until the bucket holds its size. The bucket holds at most one second's worth, so a pause is not made up
 * by a burst. A rate of 0 means no limit.
 */
final class UploadLimit {

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final long bytesPerSecond;
    private final TimeSource time;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefill;

    UploadLimit(long bytesPerSecond, TimeSource time, Sleeper sleeper) {
        this.bytesPerSecond = bytesPerSecond;
        this.time = time;
        this.sleeper = sleeper;
        this.tokens = bytesPerSecond;
        this.lastRefill = time.millis();
    }

    /** Waits until {@code bytes} may be sent, then takes them from the bucket. */
    void acquire(int bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        while (true) {
            long wait;
            synchronized (this) {
                refill();
                if (tokens >= Math.min(bytes, bytesPerSecond)) {
                    tokens -= bytes;
                    return;
                }
                wait = (long) Math.ceil((Math.min(bytes, bytesPerSecond) - tokens) * 1000.0 / bytesPerSecond);
            }
            sleeper.sleep(Math.max(1, wait));
        }
    }

    private void refill() {
        long now = time.millis();
        tokens = Math.min(bytesPerSecond, tokens + (now - lastRefill) * bytesPerSecond / 1000.0);
        lastRefill = now;
    }
}
