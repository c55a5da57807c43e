package com.hypertube.streaming.download;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.cooldown.Cooldowns;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentEvent;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import com.hypertube.torrent.session.TorrentStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches running downloads every few seconds: writes each one's progress, speed, ETA and peers to its
 * job, marks it COMPLETED when the torrent has everything, and fails it when no peer was reached within
 * the configured time, putting the torrent on cooldown (seed 004) and stopping it (its data is kept).
 */
@Component
class DownloadProgress {

    private static final Logger log = LoggerFactory.getLogger(DownloadProgress.class);
    static final String NO_PEERS = "no-peers";

    private final DownloadJobRepository repository;
    private final Cooldowns cooldowns;
    private final InstantSource clock;
    private final Duration noPeersTimeout;
    private final Duration stallTimeout;
    private final Map<UUID, Watched> watched = new ConcurrentHashMap<>();
    private final org.springframework.context.ApplicationEventPublisher events;

    private static final class Watched {
        final TorrentHandle torrent;
        final Instant since;
        volatile boolean reachedAPeer;
        // The last time the download moved on (more bytes, or its metadata): a download that stops moving
        // for the stall timeout fails, so it does not hold a download slot for ever.
        long lastBytes = -1;
        Instant lastMoved;

        Watched(TorrentHandle torrent, Instant since) {
            this.torrent = torrent;
            this.since = since;
            this.lastMoved = since;
        }
    }

    DownloadProgress(
            DownloadJobRepository repository,
            Cooldowns cooldowns,
            InstantSource clock,
            StreamingProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.cooldowns = cooldowns;
        this.clock = clock;
        this.noPeersTimeout = properties.torrent().noPeersTimeout();
        this.stallTimeout = properties.torrent().stallTimeout();
    }

    void track(UUID jobId, TorrentHandle torrent) {
        Watched watch = new Watched(torrent, clock.instant());
        torrent.addListener(event -> {
            if (event instanceof TorrentEvent.PeerConnected) {
                watch.reachedAPeer = true;
            }
        });
        watch.reachedAPeer = torrent.status().peers() > 0;
        watched.put(jobId, watch);
        write(jobId, watch);
    }

    @Scheduled(fixedDelayString = "${hypertube.streaming.torrent.progress-interval}")
    void writeAll() {
        watched.forEach(this::write);
    }

    private void write(UUID jobId, Watched watch) {
        TorrentStatus status = watch.torrent.status();
        if (status.state() == TorrentState.SEEDING) {
            TorrentInfo info = watch.torrent.metadata().getNow(null);
            repository.markCompleted(jobId, info == null ? null : info.name());
            watched.remove(jobId);
            events.publishEvent(new DownloadCompleted(watch.torrent));
            return;
        }
        if (!watch.reachedAPeer && clock.instant().isAfter(watch.since.plus(noPeersTimeout))) {
            failForNoPeers(jobId, watch);
            return;
        }
        if (status.state() == TorrentState.STOPPED) {
            stop(jobId, watch, "Its torrent was stopped (its files were cleaned up).");
            return;
        }
        if (watch.reachedAPeer && stalled(watch, status)) {
            stop(jobId, watch, "No data arrived for " + stallTimeout.toSeconds() + " s: its peers went silent.");
            return;
        }
        int percent = (int) Math.floor(status.progress() * 100);
        Integer eta = status.etaSeconds() < 0 ? null : (int) Math.min(Integer.MAX_VALUE, status.etaSeconds());
        repository.updateProgress(jobId, Math.min(percent, 99), status.downloadRate(), eta, status.peers());
    }

    // Only once a peer was reached (before that, the no-peers rule decides). A download waiting on a full disk
    // (PAUSED) is not stalled: it goes on by itself once there is room.
    private boolean stalled(Watched watch, TorrentStatus status) {
        long bytes = status.downloadedBytes() + (watch.torrent.metadata().isDone() ? 1 : 0);
        if (bytes != watch.lastBytes || status.state() == TorrentState.PAUSED) {
            watch.lastBytes = bytes;
            watch.lastMoved = clock.instant();
            return false;
        }
        return clock.instant().isAfter(watch.lastMoved.plus(stallTimeout));
    }

    private void stop(UUID jobId, Watched watch, String reason) {
        watched.remove(jobId);
        repository.markFailed(jobId, reason);
        try {
            watch.torrent.remove(false);
        } catch (IOException e) {
            log.warn("Stopping torrent {} failed", watch.torrent.infoHash(), e);
        }
        log.warn("Download job {} failed: {}", jobId, reason);
    }

    // A torrent no peer has is refused for a while too (seed 004): pressing play again would only wait again.
    private void failForNoPeers(UUID jobId, Watched watch) {
        String reason = "No peer could be reached within " + noPeersTimeout.toSeconds() + " s.";
        cooldowns.start(watch.torrent.infoHash().hex(), NO_PEERS, reason);
        stop(jobId, watch, reason);
    }
}
