package com.hypertube.streaming.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each file was last streamed, in {@code watched_files}. */
@Repository
public class WatchLog {

    /** A file's watch time is written at most this often: a player asks many ranges a minute. */
    static final Duration WRITE_AT_MOST_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    WatchLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void watched(String infoHash, int fileIndex, String path, long size, Instant at) {
        String key = infoHash + "/" + fileIndex;
        Instant previous = lastWritten.get(key);
        if (previous != null && previous.isAfter(at.minus(WRITE_AT_MOST_EVERY))) {
            return;
        }
        lastWritten.put(key, at);
        jdbc.sql("INSERT INTO watched_files (info_hash, file_index, path, size_bytes, last_watched_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (info_hash, file_index)"
                        + " DO UPDATE SET last_watched_at = EXCLUDED.last_watched_at")
                .params(infoHash, fileIndex, path, size, Timestamp.from(at))
                .update();
    }

    /**
     * A file a download brings: under the clean-up rules from then on, as if watched when it started (a
     * file already known keeps its time).
     */
    public void downloaded(String infoHash, int fileIndex, String path, long size, Instant at) {
        jdbc.sql("INSERT INTO watched_files (info_hash, file_index, path, size_bytes, last_watched_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (info_hash, file_index) DO NOTHING")
                .params(infoHash, fileIndex, path, size, Timestamp.from(at))
                .update();
    }

    /** Every file, least recently watched first. */
    List<WatchedFile> leastRecentlyWatchedFirst() {
        return jdbc.sql("SELECT * FROM watched_files ORDER BY last_watched_at")
                .query((row, number) -> new WatchedFile(
                        row.getString("info_hash"),
                        row.getInt("file_index"),
                        row.getString("path"),
                        row.getLong("size_bytes"),
                        row.getTimestamp("last_watched_at").toInstant()))
                .list();
    }

    /** The last time any file of the torrent was streamed, or null. */
    Instant lastWatched(String infoHash) {
        List<Timestamp> at = jdbc.sql("SELECT max(last_watched_at) FROM watched_files WHERE info_hash = ?")
                .param(infoHash)
                .query((row, number) -> row.getTimestamp(1))
                .list();
        return at.isEmpty() || at.getFirst() == null ? null : at.getFirst().toInstant();
    }

    void forget(String infoHash, int fileIndex) {
        lastWritten.remove(infoHash + "/" + fileIndex);
        jdbc.sql("DELETE FROM watched_files WHERE info_hash = ? AND file_index = ?")
                .params(infoHash, fileIndex)
                .update();
    }
}
