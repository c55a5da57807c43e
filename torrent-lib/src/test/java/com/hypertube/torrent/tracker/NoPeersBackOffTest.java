package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoPeersBackOffTest {

    @Test
    void growsFromTwoSecondsUpToTheIntervalAndStartsAgainAfterAReset() {
        NoPeersBackOff backOff = new NoPeersBackOff();
        Duration interval = Duration.ofSeconds(30);

        assertThat(backOff.after(interval, null)).hasSeconds(2);
        assertThat(backOff.after(interval, null)).hasSeconds(4);
        assertThat(backOff.after(interval, null)).hasSeconds(8);
        assertThat(backOff.after(interval, null)).hasSeconds(16);
        assertThat(backOff.after(interval, null)).hasSeconds(30);
        assertThat(backOff.after(interval, null)).hasSeconds(30);

        backOff.reset();
        assertThat(backOff.after(interval, null)).hasSeconds(2);
    }

    @Test
    void neverUndercutsTheTrackersMinInterval() {
        NoPeersBackOff backOff = new NoPeersBackOff();

        assertThat(backOff.after(Duration.ofSeconds(1800), Duration.ofSeconds(5)))
                .hasSeconds(5);
        assertThat(backOff.after(Duration.ofSeconds(1800), Duration.ofSeconds(5)))
                .hasSeconds(5);
        assertThat(backOff.after(Duration.ofSeconds(1800), Duration.ofSeconds(5)))
                .hasSeconds(8);
    }
}
