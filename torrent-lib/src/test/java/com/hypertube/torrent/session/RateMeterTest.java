package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rate meter with times the test gives: a steady flow reads as its rate from the start. */
class RateMeterTest {

    private static final long START = 1_000_000_250L; // a quarter into a second: buckets are not aligned

    @Test
    void aSteadyFlowReadsAsItsRateInItsFirstSecondsAlready() {
        RateMeter meter = new RateMeter();
        // 400 MB/s: 400 kB every millisecond, for 1.5 s
        for (long t = 0; t < 1_500; t++) {
            meter.add(400_000, START + t);
        }

        assertThat(meter.rate(START + 1_500)).isBetween(390_000_000L, 410_000_000L);
    }

    @Test
    void aSteadyFlowReadsAsItsRateOverTheWholeWindow() {
        RateMeter meter = new RateMeter();
        for (long t = 0; t < 20_000; t += 10) {
            meter.add(10_000, START + t); // 1 MB/s
        }

        assertThat(meter.rate(START + 20_000)).isBetween(950_000L, 1_050_000L);
    }

    @Test
    void aFlowThatStoppedFadesOutWithinTheWindow() {
        RateMeter meter = new RateMeter();
        for (long t = 0; t < 10_000; t += 10) {
            meter.add(10_000, START + t);
        }

        assertThat(meter.rate(START + 12_000)).isBetween(500_000L, 700_000L); // 3 of the 5 s still full
        assertThat(meter.rate(START + 16_000)).isZero();
        assertThat(meter.total()).isEqualTo(10_000_000L);
    }

    @Test
    void theFirstBlockAloneIsNotAHugeRate() {
        RateMeter meter = new RateMeter();
        meter.add(16_384, START);

        assertThat(meter.rate(START + 1)).isEqualTo(16_384L * 2); // over the shortest span, half a second
        assertThat(new RateMeter().rate(START)).isZero();
    }
}
