package com.hypertube.streaming.download;

import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import com.hypertube.torrent.session.TorrentStatus;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes each running download's progress, speed, ETA and peers to its job, every few seconds. */
@Component
class DownloadProgress {

    private final DownloadJobRepository repository;
    private final Map<UUID, TorrentHandle> tracked = new ConcurrentHashMap<>();

    DownloadProgress(DownloadJobRepository repository) {
        this.repository = repository;
    }

    void track(UUID jobId, TorrentHandle torrent) {
        tracked.put(jobId, torrent);
        write(jobId, torrent);
    }

    @Scheduled(fixedDelayString = "${hypertube.streaming.torrent.progress-interval}")
    void writeAll() {
        tracked.forEach(this::write);
    }

    private void write(UUID jobId, TorrentHandle torrent) {
        TorrentStatus status = torrent.status();
        if (status.state() == TorrentState.SEEDING) {
            TorrentInfo info = torrent.metadata().getNow(null);
            repository.markCompleted(jobId, info == null ? null : info.name());
            tracked.remove(jobId);
            return;
        }
        int percent = (int) Math.floor(status.progress() * 100);
        Integer eta = status.etaSeconds() < 0 ? null : (int) Math.min(Integer.MAX_VALUE, status.etaSeconds());
        repository.updateProgress(jobId, Math.min(percent, 99), status.downloadRate(), eta, status.peers());
    }
}
