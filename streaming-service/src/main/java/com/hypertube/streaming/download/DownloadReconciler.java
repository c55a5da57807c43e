package com.hypertube.streaming.download;

import java.time.Duration;
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
    private final java.time.InstantSource clock;

    DownloadReconciler(DownloadJobs jobs, java.time.InstantSource clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterRestart() {
        int resumed = jobs.resumeUnfinished();
        if (resumed > 0) {
            log.info("Resuming {} unfinished download job(s)", resumed);
        }
    }

    @Scheduled(
            fixedDelayString = "${hypertube.streaming.messaging.reconcile-interval}",
            initialDelayString = "${hypertube.streaming.messaging.reconcile-interval}")
    void resendStuckJobs() {
        int resent = jobs.resend(clock.instant().minus(STUCK_AFTER));
        if (resent > 0) {
            log.warn("Sent {} download job(s) stuck in PENDING again", resent);
        }
    }
}
