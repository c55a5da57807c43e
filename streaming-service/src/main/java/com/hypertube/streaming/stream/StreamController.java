package com.hypertube.streaming.stream;

import com.hypertube.streaming.conversion.ConversionPlanner;
import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.streaming.download.DownloadJobs;
import com.hypertube.streaming.playback.MediaProbes;
import com.hypertube.streaming.storage.CachedFiles;
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
import java.util.List;
import java.util.Optional;
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
    private final Torrents torrents;
    private final TrackersForHash trackersForHash;
    private final MediaProbes probes;
    private final CachedFiles cachedFiles;
    private final ConversionPlanner conversions;

    StreamController(
            FileResponses responses,
            DownloadJobs jobs,
            TorrentEngine engine,
            Torrents torrents,
            TrackersForHash trackersForHash,
            MediaProbes probes,
            CachedFiles cachedFiles,
            ConversionPlanner conversions) {
        this.cachedFiles = cachedFiles;
        this.conversions = conversions;
        this.responses = responses;
        this.jobs = jobs;
        this.engine = engine;
        this.torrents = torrents;
        this.trackersForHash = trackersForHash;
        this.probes = probes;
    }

    @PostMapping(path = "/api/stream", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TorrentDescription> start(
            @Valid @RequestBody StartStream request,
            Caller caller,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        MagnetLink given = magnetOf(request);
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(given.infoHash());
        if (cached.isPresent()) {
            // Seed 000: the administrator's copy plays at once, no peer, no job; converted if browsers need it.
            conversions.planCached(cached.get());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(TorrentDescription.cached(cached.get())
                            .withMedia(probes.stored(given.infoHash().hex())));
        }
        torrents.refuseDuringCooldown(given.infoHash());
        // A torrent already running has its trackers; a new one given none gets those known for its hash.
        MagnetLink magnet =
                engine.running(given.infoHash()).isPresent() ? given : trackersForHash.complete(given, authorization);
        DownloadJob job = jobs.jobFor(magnet, caller);
        // Started here too, not only by the worker: the player's first request can come at once. Starting
        // is idempotent, and a second viewer's peers reach the running torrent.
        TorrentHandle torrent = engine.start(magnet);
        // The default file is probed as soon as the metadata is here: the player's decision is ready sooner.
        torrent.metadata().thenAccept(info -> {
            Integer defaultFile = TorrentDescription.defaultFileIndex(info.files());
            if (defaultFile != null) {
                probes.probeSoon(torrent, defaultFile);
            }
        });
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
        torrents.refuseDuringCooldown(metainfo.infoHash());
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
        InfoHash hash = torrents.parseHash(infoHash);
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        if (cached.isPresent()) {
            return TorrentDescription.cached(cached.get()).withMedia(probes.stored(hash.hex()));
        }
        TorrentHandle torrent = torrents.running(hash);
        DownloadJob job = jobs.unfinishedOrLatest(hash.hex()).orElse(null);
        return TorrentDescription.of(hash.hex(), job, torrent.files()).withMedia(probes.stored(hash.hex()));
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
        InfoHash hash = torrents.parseHash(infoHash);
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        if (cached.isPresent()) {
            if (fileIndex != 0) {
                throw StreamProblems.unknownFile(fileIndex, 1);
            }
            return responses.respondCached(cached.get(), request, response);
        }
        return respond(torrents.running(hash), hash, info -> fileIndex, request, response);
    }

    /** Seed 000's address for a torrent's default file: its largest video. */
    @RequestMapping(
            path = "/stream/proxy/{infoHash}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    StreamingResponseBody proxy(@PathVariable String infoHash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        InfoHash hash = torrents.parseHash(infoHash);
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        if (cached.isPresent()) {
            return responses.respondCached(cached.get(), request, response);
        }
        return respond(torrents.running(hash), hash, StreamController::defaultFile, request, response);
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
            TorrentInfo info = torrents.awaitMetadata(torrent);
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
}
