package com.hypertube.streaming.stream;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.cooldown.Cooldowns;
import com.hypertube.streaming.debug.StreamingMetrics;
import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.streaming.download.DownloadJobs;
import com.hypertube.streaming.storage.WatchLog;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.streaming.web.Viewer;
import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentState;
import com.hypertube.torrent.stream.TorrentFileReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * Press play: {@code POST /api/stream} starts (or joins) the download of a torrent; {@code GET
 * /api/torrents/{infoHash}} describes its files; {@code GET /api/stream/{infoHash}/{fileIndex}} serves a
 * file with HTTP Range while it downloads. Requests run on virtual threads, so a read that waits for
 * pieces holds no platform thread.
 */
@RestController
class StreamController {

    private static final int COPY_BUFFER = 256 * 1024;
    private static final int DISK_BUFFER = 1024 * 1024;

    private final WatchLog watchLog;
    private final StreamingMetrics metrics;
    private final DownloadJobs jobs;
    private final TorrentEngine engine;
    private final Cooldowns cooldowns;
    private final InstantSource clock;
    private final Duration metadataTimeout;
    private final Duration readTimeout;

    StreamController(
            WatchLog watchLog,
            StreamingMetrics metrics,
            DownloadJobs jobs,
            TorrentEngine engine,
            Cooldowns cooldowns,
            InstantSource clock,
            StreamingProperties properties) {
        this.watchLog = watchLog;
        this.metrics = metrics;
        this.jobs = jobs;
        this.cooldowns = cooldowns;
        this.clock = clock;
        this.engine = engine;
        this.metadataTimeout = properties.torrent().metadataTimeout();
        this.readTimeout = properties.torrent().readTimeout();
    }

    @PostMapping(path = "/api/stream", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TorrentDescription> start(@Valid @RequestBody StartStream request, HttpServletRequest http) {
        MagnetLink magnet = magnetOf(request);
        refuseDuringCooldown(magnet.infoHash());
        DownloadJob job = jobs.jobFor(magnet, Viewer.of(http));
        // Started here too, not only by the worker: the player's first request can come at once. Starting
        // is idempotent, and a second viewer's peers reach the running torrent.
        TorrentHandle torrent = engine.start(magnet);
        List<TorrentFile> files = torrent.files();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(TorrentDescription.of(magnet.infoHash().hex(), job, files));
    }

    /** A .torrent upload (multipart part {@code torrent}): never a URL for the server to fetch. */
    @PostMapping(path = "/api/stream", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TorrentDescription> upload(@RequestPart("torrent") MultipartFile torrent, HttpServletRequest http)
            throws IOException {
        Metainfo metainfo;
        try {
            metainfo = Metainfo.parse(torrent.getBytes());
        } catch (MetainfoException e) {
            throw StreamProblems.invalidTorrent(e.getMessage());
        }
        refuseDuringCooldown(metainfo.infoHash());
        engine.remember(metainfo);
        MagnetLink magnet = new MagnetLink(
                metainfo.infoHash(), Optional.of(metainfo.info().name()), metainfo.trackers(), List.of());
        DownloadJob job = jobs.jobFor(magnet, Viewer.of(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(TorrentDescription.of(
                        metainfo.infoHash().hex(), job, metainfo.info().files()));
    }

    @GetMapping("/api/torrents/{infoHash}")
    TorrentDescription describe(@PathVariable String infoHash) {
        InfoHash hash = parseHash(infoHash);
        TorrentHandle torrent = running(hash);
        DownloadJob job = jobs.unfinishedOrLatest(hash.hex()).orElse(null);
        return TorrentDescription.of(hash.hex(), job, torrent.files());
    }

    @RequestMapping(
            path = "/api/stream/{infoHash}/{fileIndex}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void stream(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        InfoHash hash = parseHash(infoHash);
        TorrentHandle torrent = running(hash);
        serve(torrent, awaitMetadata(torrent, hash), fileIndex, request, response);
    }

    /** Seed 000's address for a torrent's default file: its largest video. */
    @RequestMapping(
            path = "/stream/proxy/{infoHash}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void proxy(@PathVariable String infoHash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        InfoHash hash = parseHash(infoHash);
        TorrentHandle torrent = running(hash);
        TorrentInfo info = awaitMetadata(torrent, hash);
        Integer defaultFile =
                TorrentDescription.of(hash.hex(), null, info.files()).defaultFileIndex();
        if (defaultFile == null) {
            throw StreamProblems.unknownFile(0, 0);
        }
        serve(torrent, info, defaultFile, request, response);
    }

    private void serve(
            TorrentHandle torrent,
            TorrentInfo info,
            int fileIndex,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (fileIndex < 0 || fileIndex >= info.files().size()) {
            throw StreamProblems.unknownFile(fileIndex, info.files().size());
        }
        TorrentFile file = info.files().get(fileIndex);
        // Looked up once: the validators and the sending below both need it.
        Optional<Path> onDisk = torrent.completedFile(fileIndex);
        String rangeHeader = request.getHeader(HttpHeaders.RANGE);
        if (torrent.status().state() == TorrentState.SEEDING) {
            // A torrent's content is fixed by its hash: once complete, the tag never needs to change. Spring
            // answers If-None-Match / If-Modified-Since (304) and sets ETag and Last-Modified.
            Validators validators = Validators.of(torrent.infoHash(), fileIndex, onDisk);
            if (new ServletWebRequest(request, response)
                    .checkNotModified(validators.etag(), validators.lastModified())) {
                return;
            }
            if (!validators.matchIfRange(request.getHeader(HttpHeaders.IF_RANGE))) {
                rangeHeader = null; // RFC 9110 §13.1.5: the client's copy is stale, so it gets the whole file
            }
        } else if (request.getHeader(HttpHeaders.IF_RANGE) != null) {
            rangeHeader = null; // nothing to validate against while downloading: the whole file, to be safe
        }
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, file.length());
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.length());

        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(MediaTypes.of(file.displayPath()));
        response.setContentLengthLong(length);
        if (range.isPresent()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(
                    HttpHeaders.CONTENT_RANGE,
                    "bytes " + start + "-" + range.get().end() + "/" + file.length());
        }
        if (request.getMethod().equals("HEAD") || length == 0) {
            return;
        }
        watchLog.watched(torrent.infoHash().hex(), fileIndex, file.displayPath(), file.length(), clock.instant());
        long requested = System.nanoTime();
        metrics.streamStarted();
        if (onDisk.isPresent()) {
            // Complete: straight from the file, the cache-first path, with no piece bookkeeping at all. Where
            // Tomcat can, it sends the range itself with sendfile(2) once we return: no copy through the heap.
            if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
                request.setAttribute(
                        SENDFILE_FILENAME, onDisk.get().toAbsolutePath().toString());
                request.setAttribute(SENDFILE_START, start);
                request.setAttribute(SENDFILE_END, start + length);
                metrics.firstByte(Duration.ofNanos(System.nanoTime() - requested));
                metrics.streamEnded();
                return;
            }
            try (FileChannel channel = FileChannel.open(onDisk.get(), StandardOpenOption.READ)) {
                copyFromDisk(channel, start, length, response.getOutputStream());
                metrics.firstByte(Duration.ofNanos(System.nanoTime() - requested));
            } finally {
                metrics.streamEnded();
            }
            return;
        }
        try (TorrentFileReader reader = torrent.openFile(fileIndex, readTimeout)) {
            reader.position(start);
            copy(
                    reader,
                    response.getOutputStream(),
                    length,
                    () -> metrics.firstByte(Duration.ofNanos(System.nanoTime() - requested)));
        } catch (TorrentFileReader.TorrentPausedException e) {
            // Cancelled while the viewer waited: say so if nothing was sent yet; else the connection just ends.
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            throw StreamProblems.downloadStopped(torrent.infoHash().hex());
        } catch (TorrentFileReader.PieceTimeoutException e) {
            metrics.stalled();
            throw e;
        } finally {
            metrics.streamEnded();
        }
    }

    // Tomcat's sendfile contract: request attributes read after the servlet returns.
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private static void copyFromDisk(FileChannel channel, long start, long length, OutputStream out)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(DISK_BUFFER, Math.max(1, length)));
        long position = start;
        long end = start + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
        out.flush();
    }

    // A viewer who leaves makes the write fail: the reader is closed on the way out, and its priority goes.
    private static void copy(TorrentFileReader reader, OutputStream out, long length, Runnable onFirstByte)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        long left = length;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int read = reader.read(buffer);
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

    /** The torrent, started again if it was saved; during a cooldown, a 503 that says until when. */
    private TorrentHandle running(InfoHash hash) {
        // A running torrent is not on cooldown: only a stopped one costs a look in the database.
        Optional<TorrentHandle> live = engine.running(hash);
        if (live.isPresent()) {
            return live.get();
        }
        refuseDuringCooldown(hash);
        return engine.find(hash).orElseThrow(() -> StreamProblems.unknownTorrent(hash.hex()));
    }

    private void refuseDuringCooldown(InfoHash hash) {
        cooldowns.active(hash.hex()).ifPresent(cooldown -> {
            throw StreamProblems.cooldown(cooldown, clock.instant());
        });
    }

    private TorrentInfo awaitMetadata(TorrentHandle torrent, InfoHash hash) {
        try {
            return torrent.metadata().get(metadataTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Nobody to ask is a different story from a slow answer: the failing request says so.
            throw torrent.status().peers() == 0
                    ? StreamProblems.noPeers(hash.hex())
                    : StreamProblems.metadataPending(hash.hex());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StreamProblems.metadataPending(hash.hex());
        }
    }

    private static MagnetLink magnetOf(StartStream request) {
        boolean hasMagnet = request.magnet() != null && !request.magnet().isBlank();
        boolean hasHash = request.infoHash() != null && !request.infoHash().isBlank();
        if (hasMagnet == hasHash) {
            throw StreamProblems.invalidSource("Give either a magnet link or an info hash.");
        }
        try {
            return MagnetLink.parse(
                    hasMagnet
                            ? request.magnet().trim()
                            : "magnet:?xt=urn:btih:" + request.infoHash().trim());
        } catch (InvalidMagnetException e) {
            throw StreamProblems.invalidSource(
                    hasMagnet ? "Invalid magnet link: " + e.getMessage() : "Invalid info hash: " + e.getMessage());
        }
    }

    private static InfoHash parseHash(String text) {
        try {
            return text.length() == 32 ? InfoHash.fromBase32(text) : InfoHash.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw StreamProblems.invalidSource("Invalid info hash: " + e.getMessage());
        }
    }
}
