package com.hypertube.source.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseNamesTest {

    private static final String TABLE = "/release/release-names.txt";

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void readsEveryFieldTheNameGivesAndNothingElse(String name, Map<String, String> expected) {
        assertThat(fields(ReleaseNames.parse(name))).as(name).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void theTableIsLargeEnoughToMeanSomething() throws IOException {
        assertThat(table()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void refusesNullWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReleaseNames.parse(null))
                .withMessageContaining("missing");
    }

    @Test
    void refusesNamesOverTheLimitButTakesOneAtIt() {
        String atLimit = "a".repeat(ReleaseNames.MAX_LENGTH);

        assertThat(ReleaseNames.parse(atLimit).title()).contains(atLimit);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReleaseNames.parse(atLimit + "a"))
                .withMessageContaining("at most 1000 characters")
                .withMessageContaining("1001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-----", "....", "_-_-_", "[]", "[[[]]]", "( )", " - - ", "\t\n"})
    void findsNothingInSeparatorsAlone(String name) {
        assertThat(fields(ReleaseNames.parse(name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"日本語のタイトル", "Амели", "Ünïcödé ßtraße", "🎬🍿", "\uD800", "Ǆ\u0000"})
    void takesOtherTextForATitleOnly(String name) {
        assertThat(fields(ReleaseNames.parse(name))).containsExactly(Map.entry("title", name));
    }

    @Test
    void keepsAnUpperCaseTsAsATelesyncTagAndALowerCaseOneAsTheExtension() {
        assertThat(ReleaseNames.parse("Wonka.2023.TS").source()).contains(SourceKind.TELESYNC);
        assertThat(ReleaseNames.parse("Wonka.2023.TS").container()).isEmpty();
        assertThat(ReleaseNames.parse("Wonka.2023.HDTV.ts").container()).contains(Container.TS);
    }

    /** Inputs built to hurt a backtracking regex or a quadratic scan; each is at most the limit long. */
    @Test
    void parsesAdversarialNamesQuickly() {
        List<String> names = List.of(
                "[".repeat(1000),
                "]".repeat(1000),
                "[]".repeat(500),
                "[" + "]".repeat(999),
                "-".repeat(999) + "a",
                "a-".repeat(500),
                "S01E".repeat(250),
                "s1e1".repeat(250),
                "1x".repeat(500),
                "5.1.".repeat(250),
                "DDP5.1.".repeat(142),
                "1999.".repeat(200),
                "H.264-".repeat(166),
                "[G]" + " - 01".repeat(199),
                "x".repeat(1000),
                "1".repeat(1000),
                "Season.".repeat(142),
                ("The.Matrix.1999.1080p.BluRay.x264-GRP[eztv.re]").repeat(21));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String name : names) {
                assertThat(name).hasSizeLessThanOrEqualTo(ReleaseNames.MAX_LENGTH);
                assertThatCode(() -> ReleaseNames.parse(name)).as(name).doesNotThrowAnyException();
            }
        });
    }

    /**
     * Random names from the characters the parser treats specially; a fixed seed keeps failures replayable.
     * The bound only catches a hang: speed is {@link #parsesAdversarialNamesQuickly}'s business, and a
     * thousand cold-JIT parses on a busy CI runner need some room.
     */
    @Test
    void neverThrowsOnRandomNames() {
        String alphabet = ".-_ []()+:sSeExXpP0123456789abdhtv\uD83C\uDFAC\uD800é";
        var random = new Random(20_240_501L);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int run = 0; run < 1_000; run++) {
                var name = new StringBuilder();
                int length = random.nextInt(ReleaseNames.MAX_LENGTH + 1);
                for (int i = 0; i < length; i++) {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThatCode(() -> ReleaseNames.parse(name.toString()))
                        .as(name.toString())
                        .doesNotThrowAnyException();
            }
        });
    }

    /** The fields a parse yielded, in the table's key=value vocabulary; empty fields are left out. */
    private static Map<String, String> fields(ReleaseInfo info) {
        var fields = new LinkedHashMap<String, String>();
        info.title().ifPresent(v -> fields.put("title", v));
        info.year().ifPresent(v -> fields.put("year", String.valueOf(v)));
        info.season().ifPresent(v -> fields.put("season", String.valueOf(v)));
        info.episode().ifPresent(v -> fields.put("episode", String.valueOf(v)));
        info.quality().ifPresent(v -> fields.put("quality", v.label()));
        info.source().ifPresent(v -> fields.put("source", v.name()));
        info.videoCodec().ifPresent(v -> fields.put("video", v.name()));
        info.bitDepth().ifPresent(v -> fields.put("bits", String.valueOf(v)));
        if (info.hdr()) {
            fields.put("hdr", "true");
        }
        info.audioCodec().ifPresent(v -> fields.put("audio", v.name()));
        info.audioChannels().ifPresent(v -> fields.put("channels", v));
        if (info.atmos()) {
            fields.put("atmos", "true");
        }
        info.container().ifPresent(v -> fields.put("container", v.name()));
        info.releaseGroup().ifPresent(v -> fields.put("group", v));
        return fields;
    }

    /** Rows of the table: a name line, then an indented "key=value; key=value" line. */
    static List<Arguments> table() throws IOException {
        List<String> lines;
        try (InputStream in = ReleaseNamesTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        var rows = new ArrayList<Arguments>();
        String name = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                assertThat(name)
                        .as("expectations missing for the name before: " + line)
                        .isNull();
                name = line;
                continue;
            }
            assertThat(name).as("expectations without a name: " + line).isNotNull();
            rows.add(Arguments.of(name, expectations(line.strip())));
            name = null;
        }
        assertThat(name).as("expectations missing for the last name").isNull();
        return rows;
    }

    private static Map<String, String> expectations(String line) {
        var expected = new LinkedHashMap<String, String>();
        Stream.of(line.split("; ")).forEach(pair -> {
            int equals = pair.indexOf('=');
            assertThat(equals).as("not key=value: " + pair).isPositive();
            expected.put(pair.substring(0, equals), pair.substring(equals + 1));
        });
        return expected;
    }
}
