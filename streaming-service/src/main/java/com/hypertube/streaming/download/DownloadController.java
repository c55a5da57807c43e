package com.hypertube.streaming.download;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Download jobs as users see them: one, the recent ones, and cancelling one. */
@RestController
class DownloadController {

    private final DownloadJobs jobs;
    private final int readyPercent;

    DownloadController(DownloadJobs jobs, StreamingProperties properties) {
        this.jobs = jobs;
        this.readyPercent = properties.torrent().readyToStreamPercent();
    }

    /**
     * A job with whether it is ready to stream: finished, or past the buffer threshold. (A stream can start
     * earlier anyway: the reader waits for exactly the pieces it needs.)
     */
    record DownloadView(
            UUID id,
            String infoHash,
            DownloadStatus status,
            int progress,
            long downloadSpeed,
            Integer etaSeconds,
            int peers,
            boolean readyToStream,
            String error,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt) {}

    /** One of the viewer's jobs; another's is as unknown as a job that does not exist. */
    @GetMapping("/api/downloads/{jobId}")
    DownloadView one(@PathVariable UUID jobId, Caller caller) {
        return jobs.find(jobId, caller).map(this::view).orElseThrow(() -> notFound(jobId));
    }

    /** The viewer's jobs, newest first. */
    @GetMapping("/api/downloads")
    List<DownloadView> recent(Caller caller) {
        return jobs.recent(caller).stream().map(this::view).toList();
    }

    /** Withdraws the viewer's request; the torrent stops when nobody else wants it. */
    @DeleteMapping("/api/downloads/{jobId}")
    ResponseEntity<Void> cancel(@PathVariable UUID jobId, Caller caller) {
        if (!jobs.cancel(jobId, caller)) {
            throw notFound(jobId);
        }
        return ResponseEntity.noContent().build();
    }

    private DownloadView view(DownloadJob job) {
        boolean ready = job.status() == DownloadStatus.COMPLETED
                || (job.status() == DownloadStatus.DOWNLOADING && job.progress() >= readyPercent);
        return new DownloadView(
                job.id(),
                job.infoHash(),
                job.status(),
                job.progress(),
                job.downloadSpeed(),
                job.etaSeconds(),
                job.peers(),
                ready,
                job.errorMessage(),
                job.createdAt(),
                job.updatedAt(),
                job.completedAt());
    }

    private static ErrorResponseException notFound(UUID jobId) {
        return ProblemTypes.error(HttpStatus.NOT_FOUND, "unknown-download", "No download job " + jobId + ".");
    }
}
