package com.hypertube.source.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.tracker.ScrapeResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the trackers' answers of one round are read: the largest count wins, all-zero means "not known here". */
class SwarmCountsTest {

    private static final InfoHash ONE = InfoHash.fromHex("a1".repeat(20));
    private static final InfoHash TWO = InfoHash.fromHex("b2".repeat(20));
    private static final ScrapeResponse UNKNOWN = new ScrapeResponse(0, 0, 0);

    private final SwarmCounts counts = new SwarmCounts();

    @Test
    void anAllZeroAnswerIsNoMeasureWhenNoOtherTrackerKnowsTheTorrent() {
        counts.add(Map.of(ONE, UNKNOWN));
        counts.add(Map.of(ONE, UNKNOWN));

        assertThat(counts.measured())
                .as("not measured: its health stays unknown")
                .doesNotContainKey(ONE);
        assertThat(counts.unknown()).isEqualTo(1);
    }

    @Test
    void anotherTrackersRealCountsWinOverAnAllZeroAnswerInEitherOrder() {
        counts.add(Map.of(ONE, UNKNOWN, TWO, new ScrapeResponse(7, 20, 2)));
        counts.add(Map.of(ONE, new ScrapeResponse(12, 40, 3), TWO, UNKNOWN));

        assertThat(counts.measured())
                .containsEntry(ONE, new ScrapeResponse(12, 40, 3))
                .containsEntry(TWO, new ScrapeResponse(7, 20, 2));
        assertThat(counts.unknown()).isZero();
    }

    @Test
    void aSwarmThatEmptiedIsStillMeasuredAsDead() {
        // The tracker knows it (it counted completions): no one seeds any more, which the ranking must see.
        counts.add(Map.of(ONE, new ScrapeResponse(0, 35, 0), TWO, new ScrapeResponse(0, 0, 4)));

        assertThat(counts.measured())
                .containsEntry(ONE, new ScrapeResponse(0, 35, 0))
                .containsEntry(TWO, new ScrapeResponse(0, 0, 4));
    }

    @Test
    void theLargestCountWinsAndNegativeCountsAreZero() {
        counts.add(Map.of(ONE, new ScrapeResponse(5, 9, 1)));
        counts.add(Map.of(ONE, new ScrapeResponse(5, 1, 8)));
        counts.add(Map.of(ONE, new ScrapeResponse(3, 100, 50)));
        counts.add(Map.of(TWO, new ScrapeResponse(-4, -1, -9)));

        assertThat(counts.measured()).containsEntry(ONE, new ScrapeResponse(5, 1, 8));
        assertThat(counts.measured())
                .as("a hostile tracker's negatives are nothing")
                .doesNotContainKey(TWO);
    }
}
