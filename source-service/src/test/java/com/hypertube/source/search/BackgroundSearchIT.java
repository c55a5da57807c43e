package com.hypertube.source.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.FakeProvider;
import com.hypertube.source.SourceProperties;
import com.hypertube.source.SourceTestConfiguration;
import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.provider.YtsMovie;
import com.hypertube.source.ranking.Ranking;
import com.hypertube.testinfra.MovableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background search in the running service, with the fake provider counting what it is asked, real
 * Postgres, and the clock moved by hand: the catalog feed's films are searched a batch a round, then nothing
 * until their sources are older than stale-after, then again a batch a round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class BackgroundSearchIT {

    @Autowired
    BackgroundSearch background;

    @Autowired
    SearchedTitles titles;

    @Autowired
    SourceSearch search;

    @Autowired
    FakeProvider alpha;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SourceProperties properties;

    @BeforeEach
    void onlyThisTestsTitles() {
        // The other tests' searches are remembered too; this test counts its own titles' searches.
        jdbc.sql("DELETE FROM searched_titles").update();
        jdbc.sql("DELETE FROM shedlock WHERE name = 'background-search'").update();
    }

    @Test
    void catalogTitlesAreSearchedABatchARoundThenAgainOnceStale() {
        int batch = properties.backgroundSearch().titlesPerRound();
        List<YtsMovie> feed = new ArrayList<>();
        for (int i = 0; i < batch + 2; i++) {
            String imdbId = "tt%07d".formatted(9_100 + i);
            feed.add(new YtsMovie(imdbId, "Film " + i, 2020, 7.0, List.of(), "", null, 100));
            alpha.offer(imdbId, List.of(source(imdbId)));
        }
        feed.add(new YtsMovie(null, "Without an id", 2020, 7.0, List.of(), "", null, 100));
        CatalogFeedController.offered(feed, titles);

        int asked = alpha.calls();
        assertThat(background.round()).isEqualTo(batch);
        assertThat(alpha.calls() - asked).as("one provider call a title").isEqualTo(batch);
        assertThat(searchedAt(clock)).isEqualTo(batch);
        assertThat(jdbc.sql("SELECT count(DISTINCT imdb_id) FROM torrent_sources WHERE imdb_id LIKE 'tt00091%'")
                        .query(Integer.class)
                        .single())
                .as("their sources are stored")
                .isEqualTo(batch);

        assertThat(background.round()).as("the two titles left").isEqualTo(2);
        asked = alpha.calls();
        assertThat(background.round()).as("nothing is stale yet").isZero();
        assertThat(alpha.calls()).isEqualTo(asked);

        clock.advance(properties.backgroundSearch().staleAfter().plus(Duration.ofMinutes(1)));
        assertThat(background.round())
                .as("at most a batch, however many are stale")
                .isEqualTo(batch);
        assertThat(alpha.calls() - asked).isEqualTo(batch);
        assertThat(searchedAt(clock)).isEqualTo(batch);
    }

    @Test
    void aUsersSearchIsRememberedAndTheScheduledRoundRunsOnceWithinItsLock() {
        alpha.offer("tt0009300", List.of(source("tt0009300")));
        search.title(TitleQuery.episode("tt0009300", "A Show", 2, 5), Ranking.DEFAULT_QUALITY);

        assertThat(jdbc.sql("SELECT title, season, episode FROM searched_titles WHERE imdb_id = ?")
                        .param("tt0009300")
                        .query()
                        .singleRow())
                .containsEntry("title", "A Show")
                .containsEntry("season", 2)
                .containsEntry("episode", 5);
        assertThat(searchedAt(clock)).isEqualTo(1);

        Duration stale = properties.backgroundSearch().staleAfter().plus(Duration.ofMinutes(1));
        clock.advance(stale);
        int asked = alpha.calls();
        background.scheduledRound();
        assertThat(alpha.calls() - asked).as("searched again once stale").isEqualTo(1);
        clock.advance(stale);
        background.scheduledRound();
        assertThat(alpha.calls() - asked)
                .as("stale again, but the next round came within the lock's minimum time (in the database's clock)")
                .isEqualTo(1);
    }

    private int searchedAt(MovableClock now) {
        return jdbc.sql("SELECT count(*) FROM searched_titles WHERE searched_at = ?")
                .param(now.instant().atOffset(ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }

    private static FoundSource source(String imdbId) {
        String hash = "%040x".formatted(imdbId.hashCode() & 0xffffffffL);
        return new FoundSource(
                hash,
                "magnet:?xt=urn:btih:" + hash,
                "Film.2020.1080p.WEB-DL.AAC.H264-" + imdbId + ".mp4",
                1L << 30,
                10,
                1,
                "Alpha",
                List.of("http://127.0.0.1:9/announce"),
                FoundSource.Hints.NONE,
                null,
                null);
    }
}
