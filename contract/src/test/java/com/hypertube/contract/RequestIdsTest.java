package com.hypertube.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSafeIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIds.acceptOrCreate("abc-123:x.y_z")).isEqualTo("abc-123:x.y_z");
        assertThat(RequestIds.acceptOrCreate("evil\nSet-Cookie: x=1"))
                .hasSize(36)
                .doesNotContain("\n");
        assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).isNotEqualTo(RequestIds.acceptOrCreate(null));
    }
}
