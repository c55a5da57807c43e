package com.hypertube.streaming.stream;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.debug.StreamingMetrics;
import com.hypertube.streaming.storage.WatchLog;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.stream.TorrentFileReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The answer to a GET or HEAD of one file of a torrent whose metadata is known: validators, the byte range,
 * the headers, and then the bytes — straight from disk for a complete file (the cache-first path), else
 * through torrent-lib's reader, which waits for exactly the pieces under the range.
 *
 * <p>Only quick work happens on the request thread. What may wait (pieces not downloaded yet) or last
 * (a long body) is returned as a {@link StreamingResponseBody}, which Spring runs on a virtual thread:
 * the few request threads stay free for everyone else.
 */
@Component
class FileResponses {

    private static final int COPY_BUFFER = 256 * 1024;
    private static final int DISK_BUFFER = 1024 * 1024;

    // Tomcat's sendfile contract: request attributes read after the servlet returns.
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final WatchLog watchLog;
    private final StreamingMetrics metrics;
    private final InstantSource clock;
    private final Duration readTimeout;

    FileResponses(WatchLog watchLog, StreamingMetrics metrics, InstantSource clock, StreamingProperties properties) {
        this.watchLog = watchLog;
        this.metrics = metrics;
        this.clock = clock;
        this.readTimeout = properties.torrent().readTimeout();
    }

    /**
     * Sets the status and headers of the answer.
     *
     * @param onRequestThread whether this runs on the container's request thread, where a complete file can
     *     be handed to Tomcat's sendfile; on a virtual thread (after waiting for metadata) it is copied
     * @return the body still to write, or {@code null} when the answer is complete: HEAD, 304, an empty
     *     range, or a complete file that Tomcat sends itself with sendfile(2) once the servlet returns
     */
    StreamingResponseBody respond(
            TorrentHandle torrent,
            TorrentInfo info,
            int fileIndex,
            HttpServletRequest request,
            HttpServletResponse response,
            boolean onRequestThread)
            throws IOException {
        if (fileIndex < 0 || fileIndex >= info.files().size()) {
            throw StreamProblems.unknownFile(fileIndex, info.files().size());
        }
        TorrentFile file = info.files().get(fileIndex);
        // Looked up once: the validators and the sending below both need it.
        Optional<Path> onDisk = torrent.completedFile(fileIndex);
        return respond(
                torrent.infoHash(),
                fileIndex,
                file.displayPath(),
                file.length(),
                onDisk,
                torrent,
                request,
                response,
                onRequestThread);
    }

    /** The same for a file of the pre-populated cache (seed 000): complete, on disk, and no torrent behind it. */
    StreamingResponseBody respondCached(
            com.hypertube.streaming.storage.CachedFiles.CachedFile cached,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        return respond(
                cached.infoHash(),
                0,
                cached.name(),
                cached.size(),
                Optional.of(cached.path()),
                null,
                request,
                response,
                true);
    }

    private StreamingResponseBody respond(
            com.hypertube.torrent.metainfo.InfoHash infoHash,
            int fileIndex,
            String displayPath,
            long fileLength,
            Optional<Path> onDisk,
            TorrentHandle torrent,
            HttpServletRequest request,
            HttpServletResponse response,
            boolean onRequestThread)
            throws IOException {
        String rangeHeader = request.getHeader(HttpHeaders.RANGE);
        if (onDisk.isPresent()) {
            // A torrent's content is fixed by its hash: once complete, the tag never needs to change. Spring
            // answers If-None-Match / If-Modified-Since (304) and sets ETag and Last-Modified.
            Validators validators = Validators.of(infoHash, fileIndex, onDisk);
            if (new ServletWebRequest(request, response)
                    .checkNotModified(validators.etag(), validators.lastModified())) {
                return null;
            }
            if (!validators.matchIfRange(request.getHeader(HttpHeaders.IF_RANGE))) {
                rangeHeader = null; // RFC 9110 §13.1.5: the client's copy is stale, so it gets the whole file
            }
        } else if (request.getHeader(HttpHeaders.IF_RANGE) != null) {
            rangeHeader = null; // nothing to validate against while downloading: the whole file, to be safe
        }
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, fileLength);
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(fileLength);

        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(MediaTypes.of(displayPath));
        response.setContentLengthLong(length);
        if (range.isPresent()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(
                    HttpHeaders.CONTENT_RANGE,
                    "bytes " + start + "-" + range.get().end() + "/" + fileLength);
        }
        if (request.getMethod().equals("HEAD") || length == 0) {
            return null;
        }
        if (torrent != null) { // a cached file is the administrator's: the janitor never deletes it
            watchLog.watched(infoHash.hex(), fileIndex, displayPath, fileLength, clock.instant());
        }
        long requested = System.nanoTime();
        Runnable onFirstByte = () -> metrics.firstByte(Duration.ofNanos(System.nanoTime() - requested));
        if (onDisk.isPresent()) {
            if (onRequestThread && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
                // No copy through the heap, and no thread held while the bytes go out.
                request.setAttribute(
                        SENDFILE_FILENAME, onDisk.get().toAbsolutePath().toString());
                request.setAttribute(SENDFILE_START, start);
                request.setAttribute(SENDFILE_END, start + length);
                metrics.streamStarted();
                onFirstByte.run();
                metrics.streamEnded();
                return null;
            }
            return out -> counted(() -> copyFromDisk(onDisk.get(), start, length, out, onFirstByte));
        }
        return out -> counted(() -> copyFromTorrent(torrent, fileIndex, start, length, out, onFirstByte, response));
    }

    private interface Copy {
        void run() throws IOException;
    }

    private void counted(Copy copy) throws IOException {
        metrics.streamStarted();
        try {
            copy.run();
        } finally {
            metrics.streamEnded();
        }
    }

    private static void copyFromDisk(Path path, long start, long length, OutputStream out, Runnable onFirstByte)
            throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            copy(channel, start, length, DISK_BUFFER, out, onFirstByte);
        }
    }

    // A viewer who leaves makes the write fail: the reader is closed on the way out, and its priority goes.
    private void copyFromTorrent(
            TorrentHandle torrent,
            int fileIndex,
            long start,
            long length,
            OutputStream out,
            Runnable onFirstByte,
            HttpServletResponse response)
            throws IOException {
        try (TorrentFileReader reader = torrent.openFile(fileIndex, readTimeout)) {
            copy(reader, start, length, COPY_BUFFER, out, onFirstByte);
        } catch (TorrentFileReader.TorrentPausedException e) {
            // Cancelled while the viewer waited.
            throw problemIfNothingSent(
                    response,
                    e,
                    StreamProblems.downloadStopped(torrent.infoHash().hex()));
        } catch (TorrentFileReader.TorrentFailedException e) {
            throw problemIfNothingSent(
                    response,
                    e,
                    StreamProblems.downloadFailed(
                            torrent.infoHash().hex(), torrent.failure().orElse("an error")));
        } catch (TorrentFileReader.PieceTimeoutException e) {
            metrics.stalled();
            throw problemIfNothingSent(
                    response, e, StreamProblems.stalled(torrent.infoHash().hex(), e.getMessage()));
        }
    }

    /** {@code length} bytes from {@code start} of the channel (a file, or a torrent file's reader) to out. */
    private static void copy(
            SeekableByteChannel channel,
            long start,
            long length,
            int bufferSize,
            OutputStream out,
            Runnable onFirstByte)
            throws IOException {
        channel.position(start);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(bufferSize, Math.max(1, length)));
        long left = length;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int read = channel.read(buffer);
            if (read < 0) {
                break;
            }
            if (left == length) {
                onFirstByte.run();
            }
            out.write(buffer.array(), 0, read);
            left -= read;
        }
        out.flush();
    }

    /**
     * Before the first byte the viewer gets the problem that says what happened; after it, nothing can be
     * said any more and the connection just ends.
     */
    private static ErrorResponseException problemIfNothingSent(
            HttpServletResponse response, IOException failure, ErrorResponseException problem) throws IOException {
        if (response.isCommitted()) {
            throw failure;
        }
        response.reset();
        return problem;
    }
}
