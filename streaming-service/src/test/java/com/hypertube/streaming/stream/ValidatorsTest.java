package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    // Sat, 21 Nov 2026 10:00:00 GMT
    private final Validators validators = new Validators("\"abc-0\"", 1_795_255_200_000L);

    @Test
    void ifRangeAppliesTheRangeOnlyForTheCurrentCopy() {
        assertThat(validators.matchIfRange(null)).isTrue();
        assertThat(validators.matchIfRange("\"abc-0\"")).isTrue();
        assertThat(validators.matchIfRange("W/\"abc-0\""))
                .as("weak tags never match")
                .isFalse();
        assertThat(validators.matchIfRange("\"abc-1\"")).isFalse();
        assertThat(validators.matchIfRange("Sat, 21 Nov 2026 10:00:00 GMT")).isTrue();
        assertThat(validators.matchIfRange("Sat, 21 Nov 2026 10:00:01 GMT")).isFalse();
        assertThat(validators.matchIfRange("yesterday")).isFalse();
        assertThat(new Validators("\"abc-0\"", -1).matchIfRange("Sat, 21 Nov 2026 10:00:00 GMT"))
                .isFalse();
    }
}
