package com.hypertube.source.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a provider gives is checked once, here: a source is a valid torrent or it is dropped, never thrown. */
class FoundSourceTest {

    private static final String HEX = "02ddd88db6a5d1bcef1c7b2bba20550bff854a45";
    private static final String BASE32 = "ALO5RDNWUXI3Z3Y4PMV3UICVBP7YKSSF"; // the same hash

    private static Optional<FoundSource> withHash(String hash) {
        return FoundSource.from("Test").hash(hash).name("A name").build();
    }

    private static Optional<FoundSource> withMagnet(String magnet) {
        return FoundSource.from("Test").magnet(magnet).build();
    }

    @Test
    void aHexHashIsLoweredAndABase32OneConverted() {
        assertThat(withHash(HEX.toUpperCase())).map(FoundSource::infoHash).contains(HEX);
        assertThat(withHash(BASE32)).map(FoundSource::infoHash).contains(HEX);
        assertThat(withHash(BASE32.toLowerCase())).map(FoundSource::infoHash).contains(HEX);
        assertThat(withHash("  " + HEX + "\n")).map(FoundSource::infoHash).contains(HEX);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "02ddd88db6a5d1bcef1c7b2bba20550bff854a4", // 39
                "02ddd88db6a5d1bcef1c7b2bba20550bff854a455", // 41
                "02ddd88db6a5d1bcef1c7b2bba20550bff854a4g", // not hex
                "ALO5RDNWUXI3Z3Y4PMV3UICVBP7YKSS1", // '1' is not base32
                "ALO5RDNWUXI3Z3Y4PMV3UICVBP7YKSS", // 31
                "02ddd88db6a5d1bcef1c7b2bba20550bff854a4\uFF21", // a fullwidth 'A'
                "ALO5RDNWUXI3Z3Y4PMV3UICVBP7YKSS\u0131", // a dotless i, upper-cased to I by Java
                "urn:btih:02ddd88db6a5d1bcef1c7b2bba20550b",
                "null"
            })
    void anythingElseIsDropped(String hash) {
        assertThat(withHash(hash)).isEmpty();
    }

    @Test
    void aGivenMagnetIsParsedAndRebuiltWithItsNameAndTrackers() {
        Optional<FoundSource> source = withMagnet("magnet:?xt=urn:btih:" + BASE32
                + "&dn=The.Matrix.1999&tr=udp%3A%2F%2Ftracker.example.org%3A1337&tr=wss%3A%2F%2Fwebtorrent.example"
                + "&unknown=javascript:alert(1)");

        assertThat(source).hasValueSatisfying(found -> {
            assertThat(found.infoHash()).isEqualTo(HEX);
            assertThat(found.releaseName()).isEqualTo("The.Matrix.1999");
            assertThat(found.trackers()).containsExactly("udp://tracker.example.org:1337");
            assertThat(found.magnet())
                    .isEqualTo("magnet:?xt=urn:btih:" + HEX
                            + "&dn=The.Matrix.1999&tr=udp%3A%2F%2Ftracker.example.org%3A1337");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "magnet:?xt=urn:btih:12345",
                "magnet:?xt=urn:sha1:YNCKHTQCWBTRNJIV4WNAE52SJUQCZO5C",
                "magnet:?dn=no+topic",
                "http://example.org/file.torrent",
                "magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:f756db1ffaa31a724f324d6c51762a14bc557460",
                "magnet:?xt=urn:btih:" + HEX + "&dn=%E0%A4%A"
            })
    void anInvalidMagnetIsDropped(String magnet) {
        assertThat(withMagnet(magnet)).isEmpty();
    }

    @Test
    void aMagnetForAnotherHashThanTheOneGivenIsDropped() {
        Optional<FoundSource> source = FoundSource.from("Test")
                .hash(HEX)
                .magnet("magnet:?xt=urn:btih:f756db1ffaa31a724f324d6c51762a14bc557460")
                .build();

        assertThat(source).isEmpty();
        assertThat(FoundSource.from("Test").build()).as("neither").isEmpty();
    }

    @Test
    void namesNumbersAndTrackersAreCleaned() {
        FoundSource source = FoundSource.from("Test")
                .hash(HEX)
                .name("The.Matrix\n1999\u202Egnp.exe\u0000")
                .size(-1L)
                .peers(-5, -1)
                .trackers(List.of("javascript:alert(1)", "udp://ok.example:80", "http://", "x".repeat(3000)))
                .build()
                .orElseThrow();

        assertThat(source.releaseName()).isEqualTo("The.Matrix1999gnp.exe");
        assertThat(source.sizeBytes()).isNull();
        assertThat(source.seeders()).isNull();
        assertThat(source.leechers()).isNull();
        assertThat(source.trackers()).containsExactly("udp://ok.example:80");
        assertThat(source.hints()).isEqualTo(FoundSource.Hints.NONE);
    }

    @Test
    void withoutAnyNameTheHashNamesIt() {
        assertThat(FoundSource.from("Test").hash(HEX).build())
                .map(FoundSource::releaseName)
                .contains(HEX);
    }
}
