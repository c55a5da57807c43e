package com.hypertube.source.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.hypertube.source.release.ReleaseNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleMatchTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Amélie | amelie",
                "Spider-Man: No Way Home | spider man no way home",
                "Fast & Furious | fast and furious",
                "  The   Matrix  | the matrix",
                "S.W.A.T. | s w a t"
            })
    void normalizesAccentsCasePunctuationAndAmpersands(String title, String normalized) {
        assertThat(TitleMatch.normalize(title)).isEqualTo(normalized);
    }

    @Test
    void aFilmMatchesItsTitleAndYear() {
        TitleQuery query = TitleQuery.film("tt0133093", "The Matrix", 1999);

        assertThat(TitleMatch.matches(ReleaseNames.parse("The.Matrix.1999.1080p.BluRay.x264-G"), query))
                .isTrue();
        assertThat(TitleMatch.matches(ReleaseNames.parse("The Matrix (1999) [720p] [YTS.MX]"), query))
                .isTrue();
        assertThat(TitleMatch.matches(ReleaseNames.parse("The.Matrix.2031.1080p.WEB-G"), query))
                .isFalse();
        assertThat(TitleMatch.matches(ReleaseNames.parse("The.Matrix.1080p.WEB-G"), query))
                .as("no year in the name, a year in the search")
                .isFalse();
        assertThat(TitleMatch.matches(
                        ReleaseNames.parse("The.Matrix.1080p.WEB-G"), TitleQuery.film("tt0133093", "The Matrix", null)))
                .isTrue();
    }

    @Test
    void anEpisodeMatchesShowSeasonAndEpisode() {
        TitleQuery query = TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3);

        assertThat(TitleMatch.matches(ReleaseNames.parse("Breaking.Bad.S01E03.720p.HDTV.x264-CTU"), query))
                .isTrue();
        assertThat(TitleMatch.matches(ReleaseNames.parse("Breaking.Bad.S01E04.720p.HDTV.x264-CTU"), query))
                .isFalse();
        assertThat(TitleMatch.matches(ReleaseNames.parse("Breaking.Bad.S01.720p.HDTV.x264-CTU"), query))
                .as("a season pack is not the episode")
                .isFalse();
    }

    @Test
    void aQueryIsAFilmOrAnEpisodeWithAValidImdbId() {
        assertThat(TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3).episodeMarker())
                .isEqualTo("S01E03");
        assertThat(TitleQuery.film("tt0133093", "The Matrix", 1999).isEpisode()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> TitleQuery.film("0133093", "The Matrix", 1999));
        assertThatIllegalArgumentException().isThrownBy(() -> TitleQuery.film("tt01330x3", "The Matrix", 1999));
        assertThatIllegalArgumentException().isThrownBy(() -> TitleQuery.film("tt0133093", " ", 1999));
        assertThatIllegalArgumentException().isThrownBy(() -> new TitleQuery("tt0133093", "The Matrix", null, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> TitleQuery.episode("tt0903747", "Breaking Bad", -1, 3));
    }
}
