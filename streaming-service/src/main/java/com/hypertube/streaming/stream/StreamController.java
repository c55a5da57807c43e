package com.hypertube.streaming.stream;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.cooldown.Cooldowns;
import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.streaming.download.DownloadJobs;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.streaming.torrent.TrackersForHash;
import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Press play: {@code POST /api/stream} starts (or joins) the download of a torrent; {@code GET
 * /api/torrents/{infoHash}} describes its files; {@code GET /api/stream/{infoHash}/{fileIndex}} serves a
 * file with HTTP Range while it downloads ({@link FileResponses}). Whatever waits — pieces, a magnet's
 * metadata — runs on a virtual thread, never on one of the few request threads ({@code web/RequestThreads}).
 */
@RestController
class StreamController {

    private final FileResponses responses;
    private final DownloadJobs jobs;
    private final TorrentEngine engine;
    private final Cooldowns cooldowns;
    private final InstantSource clock;
    private final Duration metadataTimeout;
    private final TrackersForHash trackersForHash;

    StreamController(
            FileResponses responses,
            DownloadJobs jobs,
            TorrentEngine engine,
            Cooldowns cooldowns,
            InstantSource clock,
            StreamingProperties properties,
            TrackersForHash trackersForHash) {
        this.trackersForHash = trackersForHash;
        this.responses = responses;
        this.jobs = jobs;
        this.cooldowns = cooldowns;
        this.clock = clock;
        this.engine = engine;
        this.metadataTimeout = properties.torrent().metadataTimeout();
    }

    @PostMapping(path = "/api/stream", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TorrentDescription> start(
            @Valid @RequestBody StartStream request,
            Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        MagnetLink given = magnetOf(request);
        refuseDuringCooldown(given.infoHash());
        // A torrent already running has its trackers; a new one given none gets those known for its hash.
        MagnetLink magnet =
                engine.running(given.infoHash()).isPresent() ? given : trackersForHash.complete(given, authorization);
        DownloadJob job = jobs.jobFor(magnet, caller);
        // Started here too, not only by the worker: the player's first request can come at once. Starting
        // is idempotent, and a second viewer's peers reach the running torrent.
        TorrentHandle torrent = engine.start(magnet);
        List<TorrentFile> files = torrent.files();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(TorrentDescription.of(magnet.infoHash().hex(), job, files));
    }

    /** A .torrent upload (multipart part {@code torrent}): never a URL for the server to fetch. */
    @PostMapping(path = "/api/stream", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TorrentDescription> upload(@RequestPart("torrent") MultipartFile torrent, Caller caller)
            throws IOException {
        Metainfo metainfo;
        try {
            metainfo = Metainfo.parse(torrent.getBytes());
        } catch (MetainfoException e) {
            throw StreamProblems.invalidTorrent(e.getMessage());
        }
        refuseDuringCooldown(metainfo.infoHash());
        boolean known = engine.isSaved(metainfo.infoHash());
        engine.remember(metainfo); // before the job: its worker starts from the saved info
        MagnetLink magnet = new MagnetLink(
                metainfo.infoHash(), Optional.of(metainfo.info().name()), metainfo.trackers(), List.of());
        DownloadJob job;
        try {
            job = jobs.jobFor(magnet, caller);
        } catch (RuntimeException refused) {
            if (!known) {
                engine.forgetSaved(metainfo.infoHash().hex()); // a refused upload leaves nothing behind
            }
            throw refused;
        }
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
    StreamingResponseBody stream(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        InfoHash hash = parseHash(infoHash);
        return respond(running(hash), hash, info -> fileIndex, request, response);
    }

    /** Seed 000's address for a torrent's default file: its largest video. */
    @RequestMapping(
            path = "/stream/proxy/{infoHash}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    StreamingResponseBody proxy(@PathVariable String infoHash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        InfoHash hash = parseHash(infoHash);
        return respond(running(hash), hash, StreamController::defaultFile, request, response);
    }

    private StreamingResponseBody respond(
            TorrentHandle torrent,
            InfoHash hash,
            ToIntFunction<TorrentInfo> fileOf,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        TorrentInfo known = torrent.metadata().getNow(null);
        if (known != null) {
            return responses.respond(torrent, known, fileOf.applyAsInt(known), request, response, true);
        }
        // A magnet just added: its metadata is on its way from the peers. Waited for on a virtual thread
        // (Spring runs the body there), never on one of the few request threads.
        return out -> {
            TorrentInfo info = awaitMetadata(torrent, hash);
            StreamingResponseBody body =
                    responses.respond(torrent, info, fileOf.applyAsInt(info), request, response, false);
            if (body != null) {
                body.writeTo(out);
            }
        };
    }

    private static int defaultFile(TorrentInfo info) {
        Integer defaultFile = TorrentDescription.defaultFileIndex(info.files());
        if (defaultFile == null) {
            throw StreamProblems.unknownFile(0, 0);
        }
        return defaultFile;
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
