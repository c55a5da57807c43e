package com.hypertube.streaming.playback;

import com.hypertube.web.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The errors of playback, each a problem with a stable type, saying what the viewer can do. */
final class PlaybackProblems {

    private PlaybackProblems() {}

    static ErrorResponseException unplayable(String reason) {
        return ProblemTypes.error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unplayable-media",
                "This file cannot be played: " + reason + ". Pick another source.");
    }

    static ErrorResponseException probeFailed(String reason) {
        return retryLater("probe-failed", "The file could not be examined yet (" + reason + "): try again shortly.", 5);
    }

    static ErrorResponseException invalidCapabilities(String reason) {
        return ProblemTypes.error(HttpStatus.BAD_REQUEST, "invalid-capabilities", reason);
    }

    static ErrorResponseException unknownMethod(String slug) {
        return ProblemTypes.error(
                HttpStatus.NOT_FOUND,
                "unknown-playback-method",
                "No playback method '" + slug + "': use remux, audio-transcode or transcode.");
    }

    static ErrorResponseException unknownDuration() {
        return ProblemTypes.error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-duration",
                "The file does not say how long it is, so it cannot be cut into segments. Pick another source.");
    }

    static ErrorResponseException conversionFailed(String reason) {
        return ProblemTypes.error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "conversion-failed",
                "The conversion of this file failed (" + reason + "). Pick another source.");
    }

    static ErrorResponseException segmentMissing(int number) {
        return ProblemTypes.error(
                HttpStatus.NOT_FOUND, "segment-missing", "The file ends before segment " + number + ".");
    }

    static ErrorResponseException noConvertedCopy(String infoHash, int fileIndex) {
        return ProblemTypes.error(
                HttpStatus.NOT_FOUND,
                "no-converted-copy",
                "File " + fileIndex + " of " + infoHash
                        + " has no browser-ready copy (yet): ask /playback how to play it.");
    }

    static ErrorResponseException unknownCachedFile(int fileIndex) {
        return ProblemTypes.error(
                HttpStatus.NOT_FOUND,
                "unknown-file",
                "No file " + fileIndex + ": a cached file is the torrent's file 0.");
    }

    static ErrorResponseException conversionSlow() {
        return retryLater("conversion-slow", "The conversion has not reached this point yet: try again shortly.", 5);
    }

    static ErrorResponseException convertersBusy(int max) {
        return retryLater(
                "converters-busy",
                "All " + max + " converters are in use by other viewers: try again in a minute.",
                60);
    }

    private static ErrorResponseException retryLater(String kind, String detail, int seconds) {
        return ProblemTypes.retryLater(HttpStatus.SERVICE_UNAVAILABLE, kind, detail, Duration.ofSeconds(seconds));
    }
}
