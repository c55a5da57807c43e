package com.hypertube.streaming.download;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.web.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Service;

/**
 * Creating and finding download jobs. A job's row is written before its message is sent (nothing is
 * lost if the broker is down: the row stays PENDING for the reconciler); asking for a torrent already
 * being downloaded gives its job.
 */
@Service
public class DownloadJobs {

    private static final Logger log = LoggerFactory.getLogger(DownloadJobs.class);

    private final DownloadJobRepository repository;
    private final RabbitTemplate rabbit;
    private final StreamingProperties.Messaging messaging;
    private final TorrentEngine engine;
    private final DownloadRequests requests;
    private final StreamingProperties.Limits limits;

    DownloadJobs(
            DownloadJobRepository repository,
            DownloadRequests requests,
            RabbitTemplate rabbit,
            StreamingProperties properties,
            TorrentEngine engine) {
        this.repository = repository;
        this.requests = requests;
        this.engine = engine;
        this.rabbit = rabbit;
        this.messaging = properties.messaging();
        this.limits = properties.limits();
    }

    /**
     * The job of this torrent for this viewer: the running or completed one, or else a new one sent to the
     * workers; the viewer's request is recorded either way.
     */
    // Synchronized with the check of the limits: the request is recorded before the next caller counts, so
    // parallel presses of play cannot slip past the per-user limit.
    public synchronized DownloadJob jobFor(MagnetLink magnet, Caller viewer) {
        DownloadJob job = jobFor(magnet, () -> refuseOverLimits(viewer));
        viewer.userId().ifPresent(user -> requests.add(job.id(), user));
        return job;
    }

    /** The job of this torrent: the running or completed one, or else a new one sent to the workers. */
    DownloadJob jobFor(MagnetLink magnet) {
        return jobFor(magnet, () -> {});
    }

    /**
     * As {@link #jobFor(MagnetLink)}; {@code beforeNewJob} runs only when a new download would start (joining
     * one under way starts nothing) and may refuse it by throwing.
     */
    private synchronized DownloadJob jobFor(MagnetLink magnet, Runnable beforeNewJob) {
        String infoHash = magnet.infoHash().hex();
        // Running or already completed: join it rather than download again.
        Optional<DownloadJob> existing = repository
                .findUnfinished(infoHash)
                .or(() -> repository.findLatest(infoHash).filter(job -> job.status() == DownloadStatus.COMPLETED));
        if (existing.isPresent()) {
            return existing.get();
        }
        beforeNewJob.run();
        UUID id = UUID.randomUUID();
        repository.insert(id, infoHash, magnet.toUri());
        sendToWorkers(id);
        return repository.find(id).orElseThrow();
    }

    // One user cannot fill the disk and the swarm slots alone, nor all users together the machine.
    private void refuseOverLimits(Caller viewer) {
        int perUser = limits.activeDownloadsPerUser();
        if (perUser > 0 && viewer.userId().map(requests::countActiveOf).orElse(0) >= perUser) {
            throw tooMany("You have " + perUser + " downloads under way already: wait for one to finish, or cancel one"
                    + " (DELETE /api/downloads/{id}).");
        }
        int global = limits.activeDownloads();
        if (global > 0 && repository.countActive() >= global) {
            throw tooMany("The server has " + global + " downloads under way, its limit: try again in a few minutes, or"
                    + " play something already downloaded.");
        }
    }

    private static org.springframework.web.ErrorResponseException tooMany(String detail) {
        org.springframework.web.ErrorResponseException error = com.hypertube.web.ProblemTypes.error(
                org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "too-many-downloads", detail);
        error.getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "60");
        return error;
    }

    public Optional<DownloadJob> find(UUID id) {
        return repository.find(id);
    }

    /** The job, if this viewer asked for it or is an admin. */
    public Optional<DownloadJob> find(UUID id, Caller viewer) {
        return repository.find(id).filter(job -> viewer.mayAccess(requests.requesters(id)));
    }

    /** Whether this viewer asked for a download of this torrent, or is an admin (its debug panel). */
    public boolean mayWatch(String infoHash, Caller viewer) {
        return viewer.isAdmin()
                || viewer.userId()
                        .map(user -> requests.hasRequested(infoHash, user))
                        .orElse(false);
    }

    /**
     * The viewer's most recent jobs, newest first; everyone's for an admin. An API client has none: it
     * speaks for nobody, which is never "everyone".
     */
    public List<DownloadJob> recent(Caller viewer) {
        if (viewer.isAdmin()) {
            return repository.findRecent(100);
        }
        return viewer.userId().stream()
                .flatMap(user -> requests.jobsOf(user, 100).stream())
                .map(repository::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Withdraws the viewer's request; the job is cancelled when nobody else wants it. False when the viewer
     * never asked for it (or there is no such job).
     */
    public boolean cancel(UUID id, Caller viewer) {
        if (find(id, viewer).isEmpty()) {
            return false;
        }
        // An admin who did not ask for it stops it for everyone (a stuck download holding a slot, say).
        if (viewer.isAnyOf(requests.requesters(id))
                && requests.remove(id, viewer.userId().orElseThrow()) > 0) {
            return true; // others still watch it: it goes on for them
        }
        return cancel(id);
    }

    /**
     * Cancels a job: its row says CANCELLED and its torrent stops (the data already fetched is kept). False
     * when there is no such job; cancelling a finished job changes nothing.
     */
    boolean cancel(UUID id) {
        Optional<DownloadJob> job = repository.find(id);
        if (job.isEmpty()) {
            return false;
        }
        if (repository.markCancelled(id)) {
            engine.find(InfoHash.fromHex(job.get().infoHash())).ifPresent(TorrentHandle::pause);
        }
        return true;
    }

    /** Sends again the jobs still PENDING since before {@code before}: their message may have been lost. */
    public int resend(java.time.Instant before) {
        List<DownloadJob> stuck = repository.findPendingSince(before);
        stuck.forEach(job -> sendToWorkers(job.id()));
        return stuck.size();
    }

    /** Sends every unfinished job to the workers again: after a restart, they resume from the data on disk. */
    public int resumeUnfinished() {
        List<DownloadJob> unfinished = repository.findUnfinished();
        unfinished.forEach(job -> sendToWorkers(job.id()));
        return unfinished.size();
    }

    /** Sends the jobs a full disk paused back to the workers (PAUSED → PENDING); how many. */
    int resumePaused() {
        int resumed = 0;
        for (DownloadJob job : repository.findPaused()) {
            if (repository.markPendingAgain(job.id())) {
                sendToWorkers(job.id());
                resumed++;
            }
        }
        return resumed;
    }

    boolean anyPaused() {
        return !repository.findPaused().isEmpty();
    }

    // The row is written first, always: a lost message only delays the job until the reconciler sends it again.
    // So a broker that is down is no error for the caller: the job is recorded, and that is the answer (202).
    private void sendToWorkers(UUID jobId) {
        try {
            rabbit.convertAndSend(messaging.exchange(), messaging.downloadQueue(), jobId.toString());
        } catch (AmqpException e) {
            log.warn(
                    "Download job {} recorded but not sent ({}): the reconciler sends it once the broker is back",
                    jobId,
                    e.getMessage());
        }
    }

    /** The torrent's running job, or else its most recent one. */
    public Optional<DownloadJob> unfinishedOrLatest(String infoHash) {
        return repository.findUnfinished(infoHash).or(() -> repository.findLatest(infoHash));
    }
}
