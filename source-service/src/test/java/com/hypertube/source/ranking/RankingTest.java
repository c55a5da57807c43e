package com.hypertube.source.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.FoundSource.Hints;
import com.hypertube.source.release.Quality;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    /** One crafted source and the reasons it must carry; the table is listed in the expected order. */
    private record Case(String name, String provider, Integer seeders, Long size, Hints hints, String... reasons) {

        FoundSource source() {
            return new FoundSource(
                    "%040x".formatted(name.hashCode() & 0xffffffffL),
                    "magnet:?xt=urn:btih:" + name,
                    name,
                    size,
                    seeders,
                    seeders == null ? null : 1,
                    provider,
                    List.of(),
                    hints,
                    null,
                    null);
        }
    }

    private static final List<Case> EXPECTED_ORDER = List.of(
            new Case(
                    "Film.2020.1080p.WEB-DL.AAC.H264-A.mp4",
                    "EZTV",
                    1204,
                    2560 * MB,
                    null,
                    "1,204 seeders",
                    "1080p, as you prefer",
                    "plays directly in the browser"),
            new Case(
                    "Film (2020) [1080p] [BluRay] [YTS]",
                    "YTS",
                    50,
                    2 * GB,
                    new Hints("1080p", "bluray", "x264", "8", "2.0"),
                    "50 seeders",
                    "1080p, as you prefer",
                    "plays directly in the browser"),
            new Case(
                    "Film.2020.1080p.WEB-DL.AAC.H264-B.mp4",
                    "EZTV",
                    900,
                    300 * MB,
                    null,
                    "900 seeders",
                    "1080p, as you prefer",
                    "plays directly in the browser",
                    "small for 1080p (300 MB): likely a poor picture"),
            new Case(
                    "Film.2020.1080p.BluRay.x264.AAC-C.mkv",
                    "Torznab",
                    300,
                    8 * GB,
                    null,
                    "300 seeders",
                    "1080p, as you prefer",
                    "plays in the browser after a quick repackaging"),
            new Case(
                    "Film.2020.1080p.BluRay.x265.DTS-D",
                    "Torznab",
                    500,
                    5 * GB,
                    null,
                    "500 seeders",
                    "1080p, as you prefer",
                    "needs conversion: HEVC video, DTS audio"),
            new Case(
                    "Film.2020.1080p.BluRay.10bit.x264.AAC-E",
                    "Torznab",
                    200,
                    4 * GB,
                    null,
                    "200 seeders",
                    "1080p, as you prefer",
                    "needs conversion: 10-bit H.264 video"),
            new Case(
                    "Film.2020.1080p.BluRay.REMUX.H264.TrueHD-F",
                    "Torznab",
                    100,
                    60 * GB,
                    null,
                    "100 seeders",
                    "1080p, as you prefer",
                    "needs conversion: TrueHD audio",
                    "large for 1080p (60.0 GB): slow to fetch"),
            new Case(
                    "Film.2020.720p.WEB.H264.AAC-G.mp4",
                    "Torznab",
                    800,
                    GB,
                    null,
                    "800 seeders",
                    "720p, below the 1080p you prefer",
                    "plays directly in the browser"),
            new Case(
                    "Film.2020.480p.DVDRip.XviD.MP3-H.avi",
                    "Torznab",
                    40,
                    700 * MB,
                    null,
                    "40 seeders",
                    "480p, below the 1080p you prefer",
                    "needs conversion: XviD video"),
            new Case(
                    "Film.2020.2160p.WEB-DL.DDP5.1.H265-I",
                    "Torznab",
                    2000,
                    20 * GB,
                    null,
                    "2,000 seeders",
                    "2160p, above the 1080p you prefer",
                    "needs conversion: HEVC video, E-AC-3 audio"),
            new Case(
                    "Film.2020.1080p.WEB.H264.AAC-J.mp4",
                    "Torznab",
                    3,
                    3 * GB,
                    null,
                    "3 seeders",
                    "few seeders: it may start slowly",
                    "1080p, as you prefer",
                    "plays directly in the browser"),
            new Case(
                    "Film.2020.1080p.WEB.H264.AAC-K.mp4",
                    "Local",
                    null,
                    3 * GB,
                    null,
                    "seeders unknown",
                    "1080p, as you prefer",
                    "plays directly in the browser"),
            new Case(
                    "Film.2020.CAM.x264-L",
                    "Torznab",
                    5000,
                    900 * MB,
                    null,
                    "5,000 seeders",
                    "camera recording",
                    "quality unknown",
                    "plays in the browser after a quick repackaging"),
            new Case(
                    "Film.2020.TS.x264-M",
                    "Torznab",
                    1000,
                    900 * MB,
                    null,
                    "1,000 seeders",
                    "camera recording with direct sound (telesync)",
                    "quality unknown",
                    "plays in the browser after a quick repackaging"),
            new Case(
                    "Film.2020.1080p.WEB.H264.AAC-N.mp4",
                    "Torznab",
                    0,
                    3 * GB,
                    null,
                    "no seeders: it may never start",
                    "1080p, as you prefer",
                    "plays directly in the browser"));

    @Test
    void ranksTheCraftedSetInTheDocumentedOrderWithItsReasons() {
        // Shuffled: the order must come from the ranking, not from the input.
        List<Case> shuffled = new java.util.ArrayList<>(EXPECTED_ORDER);
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        Map<String, Case> byName = shuffled.stream().collect(Collectors.toMap(Case::name, Function.identity()));

        List<RankedSource> ranked =
                Ranking.rank(shuffled.stream().map(Case::source).toList(), Quality.P1080);

        assertThat(ranked)
                .extracting(r -> r.source().releaseName())
                .containsExactlyElementsOf(
                        EXPECTED_ORDER.stream().map(Case::name).toList());
        for (RankedSource source : ranked) {
            assertThat(source.reasons())
                    .as(source.source().releaseName())
                    .containsExactlyElementsOf(Arrays.asList(
                            byName.get(source.source().releaseName()).reasons()));
        }
    }

    @Test
    void aLowerPreferenceRanksTheNearestLowerQualityFirstThenTheHigherOnesNearestFirst() {
        List<FoundSource> sources = List.of(
                source("Film.2020.2160p.WEB.H264.AAC.mp4"),
                source("Film.2020.1080p.WEB.H264.AAC.mp4"),
                source("Film.2020.480p.WEB.H264.AAC.mp4"),
                source("Film.2020.WEB.H264.AAC.mp4"),
                source("Film.2020.720p.WEB.H264.AAC.mp4"));

        assertThat(Ranking.rank(sources, Quality.P720))
                .extracting(r -> r.release().quality().map(Quality::label).orElse("?"))
                .containsExactly("720p", "480p", "1080p", "2160p", "?");
    }

    @Test
    void playbackIsReportedForEachKindOfFile() {
        assertThat(Ranking.rank(source("Film.2020.1080p.WEB.VP9.Opus.webm"), Quality.P1080)
                        .playback())
                .isEqualTo(Playback.DIRECT);
        assertThat(Ranking.rank(source("Film.2020.1080p.WEB.H264.AAC.mkv"), Quality.P1080)
                        .playback())
                .isEqualTo(Playback.REMUX);
        assertThat(Ranking.rank(source("Film.2020.1080p.WEB.H264.AC3.mp4"), Quality.P1080)
                        .playback())
                .isEqualTo(Playback.CONVERT);
    }

    @Test
    void qualityParameterIsReadInAnyCaseAndUnknownOnesAreRefused() {
        assertThat(Ranking.quality("720P")).contains(Quality.P720);
        assertThat(Ranking.quality("4k")).isEmpty();
        assertThat(Ranking.quality(null)).isEmpty();
    }

    private static FoundSource source(String name) {
        return new Case(name, "Torznab", 100, null, null).source();
    }
}
