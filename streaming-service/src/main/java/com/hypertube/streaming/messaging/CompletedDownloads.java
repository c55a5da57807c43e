package com.hypertube.streaming.messaging;

import com.hypertube.contract.events.DownloadCompletedEvent;
import com.hypertube.streaming.download.DownloadCompleted;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.web.events.EventPublisher;
import java.time.InstantSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the other services when a torrent is complete here ({@link DownloadCompletedEvent}). */
@Component
class CompletedDownloads {

    private final EventPublisher events;
    private final InstantSource clock;

    CompletedDownloads(EventPublisher events, InstantSource clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void announce(DownloadCompleted completed) {
        TorrentInfo info = completed.torrent().metadata().getNow(null);
        if (info == null) {
            return; // complete without metadata cannot happen; nothing to say if it did
        }
        events.publish(new DownloadCompletedEvent(
                completed.torrent().infoHash().hex(), info.name(), info.totalLength(), clock.instant()));
    }
}
