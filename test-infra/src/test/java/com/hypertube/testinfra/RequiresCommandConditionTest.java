package com.hypertube.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiresCommandConditionTest {

    @Test
    void aCommandIsFoundOnThePathAndAMissingOneIsNot() {
        assertThat(RequiresCommandCondition.onPath("sh")).isTrue();
        assertThat(RequiresCommandCondition.onPath("no-such-command-" + System.nanoTime()))
                .isFalse();
    }
}
