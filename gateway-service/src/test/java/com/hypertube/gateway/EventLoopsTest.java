package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One event loop per core, unless the operator said how many. */
class EventLoopsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(EventLoops.WORKER_COUNT);
        System.clearProperty(EventLoops.WORKER_COUNT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EventLoops.WORKER_COUNT);
        } else {
            System.setProperty(EventLoops.WORKER_COUNT, before);
        }
    }

    @Test
    void aTwoCoreServerGetsTwoLoops() {
        EventLoops.onePerCore(2);

        assertThat(System.getProperty(EventLoops.WORKER_COUNT)).isEqualTo("2");
    }

    @Test
    void theOperatorsCountIsKept() {
        System.setProperty(EventLoops.WORKER_COUNT, "6");

        EventLoops.onePerCore(2);

        assertThat(System.getProperty(EventLoops.WORKER_COUNT)).isEqualTo("6");
    }

    @Test
    void aMachineReportingNoCoreStillGetsOneLoop() {
        EventLoops.onePerCore(0);

        assertThat(System.getProperty(EventLoops.WORKER_COUNT)).isEqualTo("1");
    }
}
