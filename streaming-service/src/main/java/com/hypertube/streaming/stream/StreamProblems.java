package com.hypertube.streaming.stream;

import com.hypertube.streaming.cooldown.Cooldown;
import com.hypertube.web.ProblemTypes;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The errors of streaming, each a problem with a stable type. */
final class StreamProblems {

    private StreamProblems() {}

    static ErrorResponseException invalidSource(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-source", detail);
    }

    static ErrorResponseException invalidTorrent(String reason) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-torrent", "The .torrent file is not usable: " + reason + ".");
    }

    static ErrorResponseException cooldown(Cooldown cooldown, Instant now) {
        long seconds = Math.max(1, Duration.between(now, cooldown.until()).toSeconds());
        ErrorResponseException problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "cooldown",
                "This torrent failed recently (" + cooldown.reason() + ": " + cooldown.detail()
                        + ") and is not tried again for " + seconds + " s.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        problem.getBody().setProperty("reason", cooldown.reason());
        problem.getBody().setProperty("retryAt", cooldown.until().toString());
        return problem;
    }

    static ErrorResponseException noPeers(String infoHash) {
        return problem(
                HttpStatus.NOT_FOUND,
                "no-peers",
                "No peer has torrent " + infoHash + ": its file list could not be fetched.");
    }

    static ErrorResponseException downloadStopped(String infoHash) {
        return problem(
                HttpStatus.CONFLICT,
                "download-stopped",
                "The download of torrent " + infoHash
                        + " was cancelled: press play again (POST /api/stream) to resume it.");
    }

    /** The download failed (a disk error, say): this viewer gets the reason, not a hang. */
    static ErrorResponseException downloadFailed(String infoHash, String reason) {
        return problem(
                HttpStatus.CONFLICT,
                "download-failed",
                "The download of " + infoHash + " failed: " + reason + ". Press play again to retry.");
    }

    static ErrorResponseException unknownTorrent(String infoHash) {
        return problem(HttpStatus.NOT_FOUND, "unknown-torrent", "No stream was started for torrent " + infoHash + ".");
    }

    static ErrorResponseException unknownFile(int index, int files) {
        return problem(
                HttpStatus.NOT_FOUND,
                "unknown-file",
                "No file " + index + ": the torrent has " + files + " (numbered from 0).");
    }

    static ErrorResponseException metadataPending(String infoHash) {
        return ProblemTypes.retryLater(
                HttpStatus.SERVICE_UNAVAILABLE,
                "metadata-pending",
                "The torrent's file list has not arrived from peers yet: try again shortly.",
                Duration.ofSeconds(5));
    }

    static ErrorResponseException stalled(String infoHash, String reason) {
        ErrorResponseException problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "stream-stalled",
                "The data asked for has not arrived from the swarm in time (" + reason + "): try again shortly.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
        problem.getBody().setProperty("infoHash", infoHash);
        return problem;
    }

    static ErrorResponseException rangeNotSatisfiable(long size) {
        ErrorResponseException problem = problem(
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range-not-satisfiable",
                "The requested range is outside the file's " + size + " bytes.");
        problem.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String kind, String detail) {
        return ProblemTypes.error(status, kind, detail);
    }
}
