package com.hypertube.streaming.storage;

import java.time.Instant;

/** A downloaded file and when it was last streamed; {@code path} is relative to the download root. */
public record WatchedFile(String infoHash, int fileIndex, String path, long size, Instant lastWatched) {}
