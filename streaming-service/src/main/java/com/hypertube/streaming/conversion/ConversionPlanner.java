package com.hypertube.streaming.conversion;

import com.hypertube.streaming.download.DownloadCompleted;
import com.hypertube.streaming.playback.MediaInput;
import com.hypertube.streaming.playback.MediaProbe;
import com.hypertube.streaming.playback.MediaProbes;
import com.hypertube.streaming.playback.PlaybackDecider;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.stream.MediaTypes;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a download completes, each video in it that the common browsers do not play as it is (the {@code safe}
 * profile: MP4, H.264, AAC or MP3) gets a conversion job. Probing a complete file is quick, but it is still
 * done on a virtual thread of its own, off the thread that saw the download complete.
 */
@Component
public class ConversionPlanner {

    private static final Logger log = LoggerFactory.getLogger(ConversionPlanner.class);

    /** Seed 000's threshold for a video worth serving; anything smaller is a sample or an extra. */
    private static final long MIN_VIDEO_BYTES = 1 << 20;

    private final MediaProbes probes;
    private final ConversionJobs jobs;

    ConversionPlanner(MediaProbes probes, ConversionJobs jobs) {
        this.probes = probes;
        this.jobs = jobs;
    }

    @EventListener
    void onDownloadCompleted(DownloadCompleted completed) {
        TorrentHandle torrent = completed.torrent();
        Thread.ofVirtual().name("plan-conversions-" + torrent.infoHash().hex()).start(() -> plan(torrent));
    }

    /** A file of the pre-populated cache, when play is pressed on it: probed and, if need be, converted. */
    public void planCached(CachedFiles.CachedFile cached) {
        Thread.ofVirtual().name("plan-conversion-" + cached.infoHash().hex()).start(() -> {
            try {
                MediaProbe probe = probes.probe(cached.infoHash().hex(), 0, () -> MediaInput.file(cached.path()));
                if (probe.mainVideo().isPresent() && !PlaybackDecider.playsEverywhere(probe)) {
                    jobs.request(cached.infoHash().hex(), 0);
                }
            } catch (IOException | RuntimeException e) {
                log.info("No conversion for the cached file {}: {}", cached.name(), e.getMessage());
            }
        });
    }

    void plan(TorrentHandle torrent) {
        for (TorrentFile file : torrent.files()) {
            if (file.padding() || file.length() < MIN_VIDEO_BYTES || !MediaTypes.isVideo(file.displayPath())) {
                continue;
            }
            try {
                MediaProbe probe = probes.probe(torrent, file.index());
                if (probe.mainVideo().isPresent() && !PlaybackDecider.playsEverywhere(probe)) {
                    jobs.request(torrent.infoHash().hex(), file.index());
                }
            } catch (IOException | RuntimeException e) {
                // A file ffprobe cannot read cannot be converted either: its players get the probe's problem.
                log.info(
                        "No conversion for file {} of {}: {}",
                        file.index(),
                        torrent.infoHash().hex(),
                        e.getMessage());
            }
        }
    }
}
