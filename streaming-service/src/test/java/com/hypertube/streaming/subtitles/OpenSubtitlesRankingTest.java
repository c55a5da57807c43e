package com.hypertube.streaming.subtitles;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.subtitles.OpenSubtitlesClient.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSubtitlesRankingTest {

    private static final String VIDEO = "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv";

    @Test
    void aHashMatchFirstThenTheMostAlikeReleaseThenTheMostDownloaded() {
        List<Candidate> found = List.of(
                new Candidate(1, "en", "The Matrix 1999 DVDRip XviD", "matrix.srt", 90_000, false),
                new Candidate(2, "en", "The.Matrix.1999.1080p.BluRay.x264-GROUP", "", 10, false),
                new Candidate(3, "en", "Something else", "other.srt", 5, true),
                new Candidate(4, "en", "The Matrix 1999 DVDRip XviD", "matrix.srt", 100_000, false));

        assertThat(OpenSubtitlesRanking.best(found, VIDEO, List.of("en"), 3))
                .extracting(Candidate::fileId)
                .containsExactly(3L, 2L, 4L);
    }

    @Test
    void theBestOfEachLanguageInTheOrderAskedEachFileOnce() {
        List<Candidate> found = List.of(
                new Candidate(1, "fr", "The.Matrix.1999.1080p", "", 1, false),
                new Candidate(2, "en", "The.Matrix.1999.1080p", "", 1, false),
                new Candidate(2, "en", "The.Matrix.1999.1080p", "", 1, true),
                new Candidate(3, "en", "x", "", 500, false),
                new Candidate(4, "en", "y", "", 400, false),
                new Candidate(5, "de", "The.Matrix.1999.1080p", "", 1, false),
                new Candidate(6, "fr", "z", "", 1, false),
                new Candidate(7, "fr", "z", "", 0, false));

        List<Candidate> best = OpenSubtitlesRanking.best(found, VIDEO, List.of("en", "fr"), 2);

        assertThat(best).extracting(Candidate::fileId).containsExactly(2L, 3L, 1L, 6L);
        assertThat(best.getFirst().hashMatch()).isTrue();
    }
}
