package com.hypertube.media.sync;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the sync runs: lists hourly (TMDB's, or without a key the sources' own catalog), stale details every 90 minutes, IMDb ratings hourly (defaults; see the
 * README). Off with {@code CATALOG_SYNC_ENABLED=false} (tests run each refresh by hand).
 */
@Component
@ConditionalOnProperty(name = "hypertube.media.sync.enabled", havingValue = "true", matchIfMissing = true)
class SyncSchedule {

    private final CatalogSync sync;

    SyncSchedule(CatalogSync sync) {
        this.sync = sync;
    }

    @Scheduled(initialDelayString = "10s", fixedDelayString = "${hypertube.media.sync.list-interval}")
    void lists() {
        sync.listsOnce();
        sync.sourcesOnce();
    }

    @Scheduled(initialDelayString = "2m", fixedDelayString = "${hypertube.media.sync.details-interval}")
    void details() {
        sync.detailsOnce();
    }

    @Scheduled(initialDelayString = "5m", fixedDelayString = "${hypertube.media.sync.ratings-interval}")
    void ratings() {
        sync.ratingsOnce();
    }
}
