package com.hypertube.streaming.download;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code download_jobs}: one torrent to download, and how far it got. */
public record DownloadJob(
        UUID id,
        String infoHash,
        String source,
        DownloadStatus status,
        int progress,
        long downloadSpeed,
        Integer etaSeconds,
        int peers,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {}
