package com.hypertube.streaming.download;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which users asked for which download job. */
@Repository
class DownloadRequests {

    private final JdbcClient jdbc;

    DownloadRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID jobId, UUID userId) {
        jdbc.sql("INSERT INTO download_requests (job_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(jobId, userId)
                .update();
    }

    /** Removes the user's request; how many requests of the job remain. */
    int remove(UUID jobId, UUID userId) {
        jdbc.sql("DELETE FROM download_requests WHERE job_id = ? AND user_id = ?")
                .params(jobId, userId)
                .update();
        return jdbc.sql("SELECT count(*) FROM download_requests WHERE job_id = ?")
                .param(jobId)
                .query(Integer.class)
                .single();
    }

    List<UUID> requesters(UUID jobId) {
        return jdbc.sql("SELECT user_id FROM download_requests WHERE job_id = ?")
                .param(jobId)
                .query(UUID.class)
                .list();
    }

    /** How many downloads under way this user asked for. */
    int countActiveOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM download_requests r JOIN download_jobs j ON j.id = r.job_id"
                        + " WHERE r.user_id = ? AND j.status IN ('PENDING', 'DOWNLOADING', 'PAUSED')")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /** Whether the user asked for any download of this torrent. */
    boolean hasRequested(String infoHash, UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM download_requests r JOIN download_jobs j ON j.id = r.job_id"
                        + " WHERE j.info_hash = ? AND r.user_id = ?)")
                .params(infoHash, userId)
                .query(Boolean.class)
                .single();
    }

    /** The user's jobs, most recently requested first. */
    List<UUID> jobsOf(UUID userId, int limit) {
        return jdbc.sql("SELECT job_id FROM download_requests WHERE user_id = ? ORDER BY requested_at DESC LIMIT ?")
                .params(userId, limit)
                .query(UUID.class)
                .list();
    }
}
