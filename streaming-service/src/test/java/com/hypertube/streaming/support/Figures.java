package com.hypertube.streaming.support;

import java.util.Arrays;

/** How the benchmarks print a figure measured several times. */
public final class Figures {

    private Figures() {}

    /** "min–max (median m)", or the one value; of an even number, the upper of the two middle ones. */
    public static String range(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 1
                ? String.valueOf(sorted[0])
                : sorted[0] + "–" + sorted[sorted.length - 1] + " (median " + sorted[sorted.length / 2] + ")";
    }
}
