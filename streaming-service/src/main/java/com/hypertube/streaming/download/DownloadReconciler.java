package com.hypertube.streaming.download;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing is forgotten: at start-up every unfinished job is sent to the workers again (they resume from
 * the verified data on disk), and every minute a job still PENDING after a minute is sent again, in case
 * its message was lost. Redelivery is harmless: the worker is idempotent.
 */
@Component
class DownloadReconciler {

    private static final Logger log = LoggerFactory.getLogger(DownloadReconciler.class);
    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final DownloadJobs jobs;

    DownloadReconciler(DownloadJobs jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        int resumed = jobs.resumeUnfinished();
        if (resumed > 0) {
            log.info("Resuming {} unfinished download job(s)", resumed);
        }
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void resendStuckJobs() {
        int resent = jobs.resend(Instant.now().minus(STUCK_AFTER));
        if (resent > 0) {
            log.warn("Sent {} download job(s) stuck in PENDING again", resent);
        }
    }
}
