package com.hypertube.torrent.session;

/**
 * Bytes per second over a sliding window of the last few seconds, in one-second buckets. In the first
 * seconds the window starts at the first byte, not seconds before it: a download that has run for half a
 * second at 400 MB/s reads as 400 MB/s, not a fifth of it (the pipeline depth is scaled to this rate).
 */
final class RateMeter {

    private static final int SECONDS = 5;

    /** The shortest span a rate is measured over, so that the first block alone is not a huge rate. */
    private static final long MIN_SPAN_MILLIS = 500;

    private final long[] buckets = new long[SECONDS];
    private long currentSecond;
    private long firstMillis = -1;
    private long total;

    synchronized void add(long bytes, long nowMillis) {
        if (firstMillis < 0) {
            firstMillis = nowMillis;
        }
        roll(nowMillis);
        buckets[(int) (currentSecond % SECONDS)] += bytes;
        total += bytes;
    }

    synchronized long rate(long nowMillis) {
        if (firstMillis < 0) {
            return 0;
        }
        roll(nowMillis);
        long sum = 0;
        for (long bucket : buckets) {
            sum += bucket;
        }
        // The buckets hold the current second so far and the whole seconds before it.
        long windowStart = Math.max(firstMillis, (currentSecond - (SECONDS - 1)) * 1000);
        long span = Math.max(MIN_SPAN_MILLIS, nowMillis - windowStart);
        return sum * 1000 / span;
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
