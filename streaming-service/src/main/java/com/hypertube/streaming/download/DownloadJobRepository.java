package com.hypertube.streaming.download;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DownloadJobRepository {

    private final JdbcClient jdbc;

    DownloadJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String infoHash, String source) {
        jdbc.sql("INSERT INTO download_jobs (id, info_hash, source, status) VALUES (?, ?, ?, 'PENDING')")
                .params(id, infoHash, source)
                .update();
    }

    Optional<DownloadJob> find(UUID id) {
        return jdbc.sql("SELECT * FROM download_jobs WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The job of a torrent that is not finished (paused included): two viewers of one torrent share it. */
    Optional<DownloadJob> findUnfinished(String infoHash) {
        return jdbc.sql(
                        "SELECT * FROM download_jobs WHERE info_hash = ? AND status IN ('PENDING', 'DOWNLOADING', 'PAUSED')"
                                + " ORDER BY created_at LIMIT 1")
                .param(infoHash)
                .query(this::map)
                .optional();
    }

    Optional<DownloadJob> findLatest(String infoHash) {
        return jdbc.sql("SELECT * FROM download_jobs WHERE info_hash = ? ORDER BY created_at DESC LIMIT 1")
                .param(infoHash)
                .query(this::map)
                .optional();
    }

    /** How many downloads are under way (paused by a full disk included): the global limit counts these. */
    int countActive() {
        return jdbc.sql("SELECT count(*) FROM download_jobs WHERE status IN ('PENDING', 'DOWNLOADING', 'PAUSED')")
                .query(Integer.class)
                .single();
    }

    List<DownloadJob> findUnfinished() {
        return jdbc.sql("SELECT * FROM download_jobs WHERE status IN ('PENDING', 'DOWNLOADING')")
                .query(this::map)
                .list();
    }

    List<DownloadJob> findRecent(int limit) {
        return jdbc.sql("SELECT * FROM download_jobs ORDER BY created_at DESC LIMIT ?")
                .param(limit)
                .query(this::map)
                .list();
    }

    List<DownloadJob> findPendingSince(Instant before) {
        return jdbc.sql("SELECT * FROM download_jobs WHERE status = 'PENDING' AND updated_at < ?")
                .param(Timestamp.from(before))
                .query(this::map)
                .list();
    }

    boolean markCancelled(UUID id) {
        return jdbc.sql("UPDATE download_jobs SET status = 'CANCELLED', download_speed = 0, updated_at = now()"
                                + " WHERE id = ? AND status IN ('PENDING', 'DOWNLOADING')")
                        .param(id)
                        .update()
                == 1;
    }

    /** Moves a job to DOWNLOADING unless it finished meanwhile; false when it did. */
    boolean markDownloading(UUID id) {
        return jdbc.sql("UPDATE download_jobs SET status = 'DOWNLOADING', updated_at = now()"
                                + " WHERE id = ? AND status IN ('PENDING', 'DOWNLOADING')")
                        .param(id)
                        .update()
                == 1;
    }

    void updateProgress(UUID id, int progress, long speed, Integer eta, int peers) {
        jdbc.sql("UPDATE download_jobs SET progress = ?, download_speed = ?, eta_seconds = ?, peers = ?,"
                        + " updated_at = now() WHERE id = ? AND status = 'DOWNLOADING'")
                .params(progress, speed, eta, peers, id)
                .update();
    }

    void markCompleted(UUID id, String filePath) {
        jdbc.sql("UPDATE download_jobs SET status = 'COMPLETED', progress = 100, download_speed = 0,"
                        + " eta_seconds = 0, file_path = ?, updated_at = now(), completed_at = now()"
                        + " WHERE id = ? AND status IN ('PENDING', 'DOWNLOADING')")
                .params(filePath, id)
                .update();
    }

    /** DOWNLOADING → PAUSED with the reason; false when the job was not downloading. */
    boolean markPaused(UUID id, String reason) {
        return jdbc.sql("UPDATE download_jobs SET status = 'PAUSED', error_message = ?, download_speed = 0,"
                                + " updated_at = now() WHERE id = ? AND status IN ('PENDING', 'DOWNLOADING')")
                        .params(reason.length() > 1000 ? reason.substring(0, 1000) : reason, id)
                        .update()
                == 1;
    }

    /** PAUSED → PENDING, to be sent to the workers again; false when it was not paused. */
    boolean markPendingAgain(UUID id) {
        return jdbc.sql("UPDATE download_jobs SET status = 'PENDING', error_message = NULL, updated_at = now()"
                                + " WHERE id = ? AND status = 'PAUSED'")
                        .param(id)
                        .update()
                == 1;
    }

    List<DownloadJob> findPaused() {
        return jdbc.sql("SELECT * FROM download_jobs WHERE status = 'PAUSED'")
                .query(this::map)
                .list();
    }

    void markFailed(UUID id, String reason) {
        jdbc.sql("UPDATE download_jobs SET status = 'FAILED', error_message = ?, updated_at = now()"
                        + " WHERE id = ? AND status IN ('PENDING', 'DOWNLOADING')")
                .params(reason.length() > 1000 ? reason.substring(0, 1000) : reason, id)
                .update();
    }

    private DownloadJob map(ResultSet row, int number) throws SQLException {
        return new DownloadJob(
                row.getObject("id", UUID.class),
                row.getString("info_hash"),
                row.getString("source"),
                DownloadStatus.valueOf(row.getString("status")),
                row.getInt("progress"),
                row.getLong("download_speed"),
                (Integer) row.getObject("eta_seconds"),
                row.getInt("peers"),
                row.getString("error_message"),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
