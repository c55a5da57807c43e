package com.hypertube.streaming.stream;

import com.hypertube.torrent.metainfo.InfoHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The validators of a complete file: an ETag from the info hash and file index (the content can never
 * change) and the file's modification time, to the second as HTTP dates are.
 *
 * @param lastModified epoch milliseconds, or -1 when the file is not on disk
 */
record Validators(String etag, long lastModified) {

    static Validators of(InfoHash infoHash, int fileIndex, Optional<Path> onDisk) throws IOException {
        // HTTP dates have whole seconds: compare like with like.
        long lastModified =
                onDisk.isPresent() ? Files.getLastModifiedTime(onDisk.get()).toMillis() / 1000 * 1000 : -1;
        return new Validators("\"" + infoHash.hex() + "-" + fileIndex + "\"", lastModified);
    }

    /** Whether an If-Range header (absent, an entity tag or an HTTP date) lets the Range apply. */
    boolean matchIfRange(String ifRange) {
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(etag); // a strong comparison: weak tags never match (RFC 9110 §13.1.5)
        }
        try {
            long date = ZonedDateTime.parse(ifRange, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
            return lastModified >= 0 && date == lastModified;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
