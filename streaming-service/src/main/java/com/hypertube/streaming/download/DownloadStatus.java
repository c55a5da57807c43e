package com.hypertube.streaming.download;

public enum DownloadStatus {
    PENDING,
    DOWNLOADING,
    /** The disk filled up: the pieces are kept, and the job goes on by itself once there is room. */
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
