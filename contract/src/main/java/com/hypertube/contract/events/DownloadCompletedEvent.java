package com.hypertube.contract.events;

import java.time.Instant;
import java.util.Objects;

/**
 * streaming-service finished downloading a torrent: every piece is on its disk and verified, so anyone who
 * presses play on it starts at once.
 *
 * @param infoHash the torrent's v1 info hash, 40 lowercase hex digits
 * @param name the torrent's name (its folder or single file)
 * @param sizeBytes the torrent's size in bytes, every file counted
 * @param completedAt when the last piece was verified
 */
public record DownloadCompletedEvent(String infoHash, String name, long sizeBytes, Instant completedAt)
        implements Event {

    public DownloadCompletedEvent {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(completedAt, "completedAt");
        if (!infoHash.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("infoHash must be 40 lowercase hex digits: " + infoHash);
        }
    }

    @Override
    public String routingKey() {
        return Events.DOWNLOAD_COMPLETED;
    }
}
