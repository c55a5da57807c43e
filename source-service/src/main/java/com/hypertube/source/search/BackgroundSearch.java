package com.hypertube.source.search;

import com.hypertube.source.SourceProperties;
import com.hypertube.source.provider.TitleQuery;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seed 002's background source search: every few minutes, a bounded batch of the titles source-service knows
 * ({@link SearchedTitles}: those asked for, and the catalog feed's films) is searched again by every provider
 * — first the titles never searched, then those whose last search is older than {@code stale-after} — so that
 * a title's sources and their counts are ready before someone opens it.
 *
 * <p>Spaced so no provider is hammered: a round goes through the same providers as a user's search, each within
 * its own call rate, one title after another with a pause between (the call rates are shared with users'
 * searches, which must not be the ones to wait); and a round runs on one instance at a time (ShedLock).
 */
@Component
class BackgroundSearch {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSearch.class);

    private final SearchedTitles titles;
    private final SourceSearch search;
    private final InstantSource clock;
    private final SourceProperties.BackgroundSearch settings;

    BackgroundSearch(SearchedTitles titles, SourceSearch search, InstantSource clock, SourceProperties properties) {
        this.titles = titles;
        this.search = search;
        this.clock = clock;
        this.settings = properties.backgroundSearch();
    }

    // The first round an interval after start, as the swarm health's: a restart loop must not hammer anyone.
    @Scheduled(
            initialDelayString = "${hypertube.source.background-search.interval}",
            fixedDelayString = "${hypertube.source.background-search.interval}")
    @SchedulerLock(
            name = "background-search",
            lockAtLeastFor = "${hypertube.source.background-search.lock-at-least-for}",
            lockAtMostFor = "${hypertube.source.background-search.lock-at-most-for}")
    public void scheduledRound() {
        int searched = round();
        if (searched > 0) {
            log.info("Background search: {} titles searched again", searched);
        }
    }

    /** One round, without the lock: returns how many titles it searched. */
    int round() {
        List<TitleQuery> due = titles.due(clock.instant().minus(settings.staleAfter()), settings.titlesPerRound());
        int searched = 0;
        for (TitleQuery title : due) {
            if (searched > 0 && !paused(settings.pause())) {
                break;
            }
            search.refresh(title);
            searched++;
        }
        return searched;
    }

    // A plain wait on the round's own (virtual) thread: it spaces the provider calls, nothing is polled.
    private static boolean paused(Duration pause) {
        if (pause.isZero()) {
            return true;
        }
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the rest waits for the next round
            return false;
        }
    }
}
