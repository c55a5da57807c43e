package com.hypertube.streaming.download;

import com.hypertube.streaming.storage.WatchLog;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.session.TorrentEvent;
import com.hypertube.torrent.session.TorrentHandle;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes jobs off the {@code download} queue and starts their torrents. Redelivery is harmless: a job
 * already finished is skipped, and starting a torrent that runs already returns the running one. The
 * message is acknowledged only once the job is marked DOWNLOADING.
 */
@Component
class DownloadWorker {

    private static final Logger log = LoggerFactory.getLogger(DownloadWorker.class);

    private final DownloadJobRepository repository;
    private final TorrentEngine engine;
    private final DownloadProgress progress;
    private final WatchLog watchLog;
    private final InstantSource clock;

    DownloadWorker(
            DownloadJobRepository repository,
            TorrentEngine engine,
            DownloadProgress progress,
            WatchLog watchLog,
            InstantSource clock) {
        this.repository = repository;
        this.engine = engine;
        this.progress = progress;
        this.watchLog = watchLog;
        this.clock = clock;
    }

    @RabbitListener(queues = "${hypertube.streaming.messaging.download-queue}")
    void onJob(String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId.trim());
        } catch (IllegalArgumentException e) {
            // Not ours to retry: it goes to the dead-letter queue for a person to look at.
            throw new AmqpRejectAndDontRequeueException("a download message that is not a job id: " + jobId);
        }
        Optional<DownloadJob> job = repository.find(id);
        if (job.isEmpty() || job.get().status().isFinished()) {
            return;
        }
        MagnetLink magnet;
        try {
            magnet = MagnetLink.parse(job.get().source());
        } catch (InvalidMagnetException | NullPointerException e) {
            repository.markFailed(id, "the job's source is not a usable magnet link");
            return;
        }
        TorrentHandle torrent = engine.start(magnet);
        if (repository.markDownloading(id)) {
            log.info("Download job {} started for {}", id, magnet.infoHash());
            progress.track(id, torrent);
            // Under the clean-up rules from the start, streamed or not: a download nobody watches is aged out
            // and counted by the quota like any other.
            // Off the engine's thread that completed the metadata: these are database writes.
            torrent.metadata()
                    .thenRunAsync(() -> torrent.files().stream()
                            .filter(file -> !file.padding())
                            .forEach(file -> watchLog.downloaded(
                                    magnet.infoHash().hex(),
                                    file.index(),
                                    file.displayPath(),
                                    file.length(),
                                    clock.instant())))
                    .exceptionally(failure -> {
                        log.warn(
                                "Download job {}: its files are not under the clean-up rules: {}",
                                id,
                                failure.toString());
                        return null;
                    });
            torrent.addListener(event -> {
                if (event instanceof TorrentEvent.Failed failed) {
                    repository.markFailed(id, failed.reason());
                } else if (event instanceof TorrentEvent.DiskFull full && repository.markPaused(id, full.reason())) {
                    log.warn("Download job {} paused: {}", id, full.reason());
                }
            });
        }
    }
}
