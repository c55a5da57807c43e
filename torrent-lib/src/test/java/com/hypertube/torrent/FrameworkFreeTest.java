package com.hypertube.torrent;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

/** torrent-lib is embedded by programs that are not Spring applications: nothing of Spring may leak in. */
class FrameworkFreeTest {

    @Test
    void springIsNotOnTheClasspath() {
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> Class.forName("org.springframework.core.SpringVersion"));
    }
}
