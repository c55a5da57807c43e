package com.hypertube.torrent.session;

/** Bytes per second over a sliding window of a few seconds, in one-second buckets. */
final class RateMeter {

    private static final int SECONDS = 5;

    private final long[] buckets = new long[SECONDS];
    private long currentSecond;
    private long total;

    synchronized void add(long bytes, long nowMillis) {
        roll(nowMillis);
        buckets[(int) (currentSecond % SECONDS)] += bytes;
        total += bytes;
    }

    synchronized long rate(long nowMillis) {
        roll(nowMillis);
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (i != currentSecond % SECONDS) {
                sum += buckets[i];
            }
        }
        return sum / (SECONDS - 1);
    }

    synchronized long total() {
        return total;
    }

    private void roll(long nowMillis) {
        long second = nowMillis / 1000;
        if (second - currentSecond >= SECONDS) {
            java.util.Arrays.fill(buckets, 0);
        } else {
            for (long s = currentSecond + 1; s <= second; s++) {
                buckets[(int) (s % SECONDS)] = 0;
            }
        }
        currentSecond = Math.max(currentSecond, second);
    }
}
