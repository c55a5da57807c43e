package com.hypertube.streaming.conversion;

import com.hypertube.streaming.playback.Ffmpeg;
import com.hypertube.streaming.playback.MediaInput;
import com.hypertube.streaming.playback.MediaProbe;
import com.hypertube.streaming.playback.PlaybackProperties;
import com.hypertube.streaming.playback.Prober;
import com.hypertube.streaming.playback.UnplayableMediaException;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes jobs off the {@code conversion} queue, one at a time per instance by default
 * ({@code PLAYBACK_CONVERSION_WORKERS}), each ffmpeg niced so that live viewers keep the CPU. The copy is written
 * to a temporary file, checked with ffprobe (H.264, and as long as the source: a truncated input shows here), then
 * moved into place: a half-written copy is never served.
 *
 * <p>Failures: one that says something about the file (ffmpeg's error, a copy shorter than the source) fails
 * the job at once, with that reason; one that says nothing about it (ffmpeg killed, out of time) is tried again,
 * up to {@code PLAYBACK_CONVERSION_ATTEMPTS} times in all, and then the job fails and its message goes to the
 * dead-letter queue for a person to look at.
 */
@Component
class ConversionWorker {

    private static final Logger log = LoggerFactory.getLogger(ConversionWorker.class);

    private final ConversionJobs jobs;
    private final ConvertedCopies copies;
    private final TorrentEngine engine;
    private final Ffmpeg ffmpeg;
    private final Prober prober;
    private final int maxAttempts;
    private final CachedFiles cachedFiles;
    private final Set<UUID> converting = ConcurrentHashMap.newKeySet();

    ConversionWorker(
            ConversionJobs jobs,
            ConvertedCopies copies,
            TorrentEngine engine,
            Ffmpeg ffmpeg,
            Prober prober,
            PlaybackProperties settings,
            CachedFiles cachedFiles) {
        this.cachedFiles = cachedFiles;
        this.jobs = jobs;
        this.copies = copies;
        this.engine = engine;
        this.ffmpeg = ffmpeg;
        this.prober = prober;
        this.maxAttempts = settings.conversionAttempts();
    }

    @RabbitListener(
            queues = "${hypertube.streaming.messaging.conversion-queue}",
            concurrency = "${hypertube.playback.conversion-workers}")
    void onJob(String message) {
        UUID id;
        try {
            id = UUID.fromString(message.trim());
        } catch (IllegalArgumentException e) {
            throw new AmqpRejectAndDontRequeueException("a conversion message that is not a job id: " + message);
        }
        Optional<ConversionJob> job = jobs.find(id);
        // A redelivery of a job finished, or one this instance is converting right now, has nothing to do.
        if (job.isEmpty() || !converting.add(id)) {
            return;
        }
        try {
            if (jobs.start(id)) {
                convert(job.get(), jobs.find(id).map(ConversionJob::attempts).orElse(1));
            }
        } finally {
            converting.remove(id);
        }
    }

    private void convert(ConversionJob job, int attempt) {
        Optional<Path> source = sourceOf(job);
        if (source.isEmpty()) {
            jobs.finish(job.id(), ConversionJob.Status.FAILED, "the file is no longer on disk");
            return;
        }
        Path target = copies.pathOf(job.infoHash(), job.fileIndex());
        Path partial = target.resolveSibling(job.fileIndex() + "-" + job.id() + "-" + attempt + ".partial.mp4");
        try {
            Files.createDirectories(target.getParent());
            MediaProbe probe = prober.probe(MediaInput.file(source.get()));
            Duration timeout = Duration.ofSeconds(Math.max(600, (long) probe.durationSeconds() * 3));
            Ffmpeg.Result result = ffmpeg.convert(ConversionArguments.of(probe, source.get(), partial), timeout);
            if (result.exitCode() > 128) {
                retryOrGiveUp(job, attempt, "ffmpeg was stopped (signal " + (result.exitCode() - 128) + ")");
                return;
            }
            if (result.exitCode() != 0) {
                fail(
                        job,
                        "ffmpeg could not convert it: " + withoutPaths(result.lastErrorLine(), source.get(), partial));
                return;
            }
            String problem = check(probe, prober.probe(MediaInput.file(partial)));
            if (problem != null) {
                fail(job, problem);
                return;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            jobs.finish(job.id(), ConversionJob.Status.DONE, null);
            log.info("Conversion job {} done: {}", job.id(), target.getFileName());
        } catch (UnplayableMediaException e) {
            fail(job, e.getMessage());
        } catch (IOException e) {
            retryOrGiveUp(job, attempt, e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    /** What is wrong with the copy, or null: it must be H.264 and as long as its source (within a second). */
    static String check(MediaProbe source, MediaProbe copy) {
        if (copy.mainVideo().map(video -> !video.codec().equals("h264")).orElse(true)) {
            return "the copy has no H.264 video";
        }
        if (copy.durationSeconds() < source.durationSeconds() - 1.0) {
            return String.format(
                    java.util.Locale.ROOT,
                    "the file ends early: %.0f s of the %.0f s it announces could be read (truncated or corrupt)",
                    copy.durationSeconds(),
                    source.durationSeconds());
        }
        return null;
    }

    private void retryOrGiveUp(ConversionJob job, int attempt, String reason) {
        if (attempt < maxAttempts) {
            log.warn("Conversion job {} attempt {} failed ({}): trying again", job.id(), attempt, reason);
            jobs.finish(job.id(), ConversionJob.Status.PENDING, reason);
            jobs.send(job.id());
            return;
        }
        jobs.finish(job.id(), ConversionJob.Status.FAILED, reason + " (" + attempt + " attempts)");
        throw new AmqpRejectAndDontRequeueException(
                "conversion job " + job.id() + " failed " + attempt + " times, the last: " + reason);
    }

    private void fail(ConversionJob job, String reason) {
        log.warn("Conversion job {} failed: {}", job.id(), reason);
        jobs.finish(job.id(), ConversionJob.Status.FAILED, reason);
    }

    private Optional<Path> sourceOf(ConversionJob job) {
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(InfoHash.fromHex(job.infoHash()));
        if (cached.isPresent() && job.fileIndex() == 0) {
            return Optional.of(cached.get().path());
        }
        try {
            Optional<TorrentHandle> torrent = engine.find(InfoHash.fromHex(job.infoHash()));
            return torrent.isPresent() ? torrent.get().completedFile(job.fileIndex()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // A job's reason is shown to users: ffmpeg names its files, and those are the server's paths.
    private static String withoutPaths(String line, Path source, Path partial) {
        return line.replace("file:" + source.toAbsolutePath(), "the file")
                .replace("file:" + partial.toAbsolutePath(), "the copy")
                .replace(source.toAbsolutePath().toString(), "the file")
                .replace(partial.toAbsolutePath().toString(), "the copy");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
