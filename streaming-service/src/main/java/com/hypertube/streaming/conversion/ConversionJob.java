package com.hypertube.streaming.conversion;

import java.time.Instant;
import java.util.UUID;

/** A file's conversion: {@code reason} says why it failed (or why the last attempt did). */
public record ConversionJob(
        UUID id, String infoHash, int fileIndex, Status status, int attempts, String reason, Instant updatedAt) {

    public enum Status {
        PENDING,
        RUNNING,
        DONE,
        FAILED
    }
}
