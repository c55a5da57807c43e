package com.hypertube.streaming.download;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.storage.DownloadRoot;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends downloads that a full disk paused back to the workers once there is room again (the janitor's quota
 * or a person may free some): each goes PENDING, and the worker resumes its torrent from the pieces it kept.
 */
@Component
class DiskSpaceWatch {

    private static final Logger log = LoggerFactory.getLogger(DiskSpaceWatch.class);

    private final DownloadJobs jobs;
    private final DownloadRoot root;
    private final long resumeFreeBytes;

    DiskSpaceWatch(DownloadJobs jobs, StreamingProperties properties, DownloadRoot root) {
        this.jobs = jobs;
        this.root = root;
        this.resumeFreeBytes = properties.cleanup().resumeFreeBytes();
    }

    @Scheduled(
            fixedDelayString = "${hypertube.streaming.cleanup.disk-check-interval}",
            initialDelayString = "${hypertube.streaming.cleanup.disk-check-interval}")
    void everyHalfMinute() throws IOException {
        resumeIfRoom();
    }

    /** Resumes the paused jobs if the download folder has room; how many it resumed. */
    int resumeIfRoom() throws IOException {
        if (!jobs.anyPaused()) {
            return 0;
        }
        long free = Files.getFileStore(root.path()).getUsableSpace();
        if (free < resumeFreeBytes) {
            log.info("Downloads stay paused: {} bytes free, {} wanted", free, resumeFreeBytes);
            return 0;
        }
        int resumed = jobs.resumePaused();
        log.info("Resuming {} download(s) paused by a full disk: {} bytes free", resumed, free);
        return resumed;
    }
}
