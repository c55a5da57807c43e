package com.hypertube.streaming.storage;

import java.time.Instant;

/** A downloaded file and when it was last streamed; {@code path} is relative to its torrent's folder, {@code <download root>/<infoHash>}. */
public record WatchedFile(String infoHash, int fileIndex, String path, long size, Instant lastWatched) {}
