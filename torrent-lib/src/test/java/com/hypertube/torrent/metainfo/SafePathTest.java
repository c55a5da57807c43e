package com.hypertube.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                ".",
                "",
                "a/b",
                "a\\b",
                "/",
                "\\\\server\\share",
                "C:",
                "c:foo",
                "nul",
                "COM1.mkv",
                "a\u0000b",
                "a\nb",
                "a\u007fb",
                "a\u0085b",
                "a\u202ebc",
                "a\u2066b",
                "a\u200fb",
                "a\u061cb",
                "bad\ufffdutf8",
                "con.",
                "e:"
            })
    void refusesHostileNames(String name) {
        assertThatThrownBy(() -> SafePath.of(List.of("folder", name))).isInstanceOf(MetainfoException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Movie (2024).mkv",
                "...hidden",
                "a..b",
                "séance.mp4",
                "日本語.srt",
                "icon.png",
                "time 12:30",
                "CONSOLE.txt",
                ".pad"
            })
    void keepsOrdinaryNamesAsTheyAre(String name) throws MetainfoException {
        assertThat(SafePath.of(List.of("folder", name))).containsExactly("folder", name);
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void capsTheLengthOfANameInBytes(int length) {
        String name = "é".repeat(length / 2) + (length % 2 == 1 ? "x" : "");
        if (length <= SafePath.MAX_NAME_BYTES) {
            assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isEqualTo(length);
            assertThatThrownBy(() -> SafePath.of(List.of(name + "é"))).hasMessageContaining("longer than 255 bytes");
        } else {
            assertThatThrownBy(() -> SafePath.of(List.of(name))).hasMessageContaining("longer than 255 bytes");
        }
    }

    @org.junit.jupiter.api.Test
    void capsTheDepthAndTheWholeLength() {
        assertThatThrownBy(() -> SafePath.of(java.util.Collections.nCopies(65, "a")))
                .hasMessageContaining("deeper");
        assertThatThrownBy(() -> SafePath.of(java.util.Collections.nCopies(20, "x".repeat(200))))
                .hasMessageContaining("longer than 3072 bytes");
        assertThatThrownBy(() -> SafePath.of(List.of())).hasMessageContaining("empty file path");
    }
}
