package com.hypertube.streaming.playback;

import com.hypertube.streaming.conversion.ConvertedCopies;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.stream.Torrents;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a file plays in the asking browser, and the HLS that makes it play:
 *
 * <ul>
 *   <li>{@code GET …/{fileIndex}/playback?profile=chromium} (or {@code containers=}, {@code video=},
 *       {@code audio=} lists): the decision, its reasons and the address to play;
 *   <li>{@code GET …/{fileIndex}/hls/master.m3u8} (same parameters): the master playlist;
 *   <li>{@code GET …/{fileIndex}/hls/{method}/index.m3u8}, {@code init.mp4}, {@code {n}.m4s}: the media
 *       playlist and its fMP4 segments, written by ffmpeg when first asked for.
 * </ul>
 *
 * <p>Everything here may wait (for a probe, for pieces, for ffmpeg), so each answer is a {@link Callable}:
 * Spring runs it on a virtual thread, never on one of the few request threads.
 */
@RestController
class PlaybackController {

    private static final String BASE = "/api/stream/{infoHash}/{fileIndex}";
    private static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final Torrents torrents;
    private final MediaProbes probes;
    private final HlsSessions sessions;
    private final LoopbackFiles loopback;
    private final Ffmpeg ffmpeg;
    private final PlaybackProperties settings;
    private final ConvertedCopies copies;
    private final CachedFiles cachedFiles;

    PlaybackController(
            Torrents torrents,
            MediaProbes probes,
            HlsSessions sessions,
            LoopbackFiles loopback,
            Ffmpeg ffmpeg,
            PlaybackProperties settings,
            ConvertedCopies copies,
            CachedFiles cachedFiles) {
        this.cachedFiles = cachedFiles;
        this.copies = copies;
        this.torrents = torrents;
        this.probes = probes;
        this.sessions = sessions;
        this.loopback = loopback;
        this.ffmpeg = ffmpeg;
        this.settings = settings;
    }

    /** The decision for this browser, with the file's probe and where to play it from. */
    record PlaybackAnswer(
            String infoHash, int fileIndex, String method, List<String> reasons, String url, MediaProbe media) {}

    @GetMapping(BASE + "/playback")
    Callable<PlaybackAnswer> playback(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @RequestParam(required = false) String profile,
            @RequestParam(required = false) String containers,
            @RequestParam(required = false) String video,
            @RequestParam(required = false) String audio) {
        BrowserSupport browser = browser(profile, containers, video, audio);
        InfoHash hash = torrents.parseHash(infoHash);
        return () -> {
            MediaProbe probe = probeOf(hash, fileIndex);
            String base = "/api/stream/" + hash.hex() + "/" + fileIndex;
            if (copies.ready(hash.hex(), fileIndex).isPresent()) {
                return new PlaybackAnswer(
                        hash.hex(),
                        fileIndex,
                        PlaybackMethod.DIRECT.slug(),
                        List.of("Converted for every browser when the download finished: plays as it is."),
                        base + "/converted",
                        probe);
            }
            PlaybackDecision decision = decide(probe, browser);
            String url = decision.method() == PlaybackMethod.DIRECT
                    ? base
                    : base + "/hls/master.m3u8" + query(profile, containers, video, audio);
            return new PlaybackAnswer(hash.hex(), fileIndex, decision.method().slug(), decision.reasons(), url, probe);
        };
    }

    @GetMapping(BASE + "/hls/master.m3u8")
    Callable<ResponseEntity<String>> master(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @RequestParam(required = false) String profile,
            @RequestParam(required = false) String containers,
            @RequestParam(required = false) String video,
            @RequestParam(required = false) String audio,
            @RequestParam(required = false) Double start) {
        BrowserSupport browser = browser(profile, containers, video, audio);
        InfoHash hash = torrents.parseHash(infoHash);
        return () -> {
            MediaProbe probe = probeOf(hash, fileIndex);
            PlaybackMethod method = decide(probe, browser).method();
            int startSegment = startSegment(start, probe);
            // A player that asks for HLS gets HLS: a file that would play directly is repackaged, not converted.
            return playlist(HlsPlaylists.master(
                    probe, method == PlaybackMethod.DIRECT ? PlaybackMethod.REMUX : method, startSegment));
        };
    }

    @GetMapping(BASE + "/hls/{method}/index.m3u8")
    Callable<ResponseEntity<String>> media(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @PathVariable String method,
            @RequestParam(required = false) Integer start) {
        InfoHash hash = torrents.parseHash(infoHash);
        hlsMethod(method);
        return () -> {
            MediaProbe probe = probeOf(hash, fileIndex);
            if (probe.durationSeconds() <= 0) {
                throw PlaybackProblems.unknownDuration();
            }
            int startSegment = start == null ? 0 : startSegment((double) start * settings.segmentSeconds(), probe);
            return playlist(HlsPlaylists.media(probe.durationSeconds(), settings.segmentSeconds(), startSegment));
        };
    }

    @GetMapping(BASE + "/hls/{method}/init.mp4")
    Callable<ResponseEntity<Resource>> init(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @PathVariable String method,
            @RequestParam(required = false) Integer start) {
        InfoHash hash = torrents.parseHash(infoHash);
        PlaybackMethod playback = hlsMethod(method);
        return () -> {
            Live live = live(hash, fileIndex, playback);
            int first = start == null ? 0 : startSegment((double) start * settings.segmentSeconds(), live.probe());
            return segment(sessions.init(live.key(), first, live.method(), live.command()));
        };
    }

    @GetMapping(BASE + "/hls/{method}/{segment:\\d{1,6}}.m4s")
    Callable<ResponseEntity<Resource>> segment(
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @PathVariable String method,
            @PathVariable int segment) {
        InfoHash hash = torrents.parseHash(infoHash);
        PlaybackMethod playback = hlsMethod(method);
        return () -> {
            Live live = live(hash, fileIndex, playback);
            if (segment >= HlsPlaylists.segmentCount(live.probe().durationSeconds(), settings.segmentSeconds())) {
                throw PlaybackProblems.segmentMissing(segment);
            }
            return segment(sessions.segment(live.key(), segment, live.method(), live.command()));
        };
    }

    /** The browser-ready copy the conversion queue made (MP4, H.264, AAC), with Range requests like any file. */
    @GetMapping(BASE + "/converted")
    ResponseEntity<Resource> converted(@PathVariable String infoHash, @PathVariable int fileIndex) {
        InfoHash hash = torrents.parseHash(infoHash);
        Path copy = copies.ready(hash.hex(), fileIndex)
                .orElseThrow(() -> PlaybackProblems.noConvertedCopy(hash.hex(), fileIndex));
        return ResponseEntity.ok().contentType(MP4).body(new FileSystemResource(copy));
    }

    /** A file played one way: its session's name, its probe, and the ffmpeg command from a given segment. */
    private record Live(String key, MediaProbe probe, PlaybackMethod method, HlsSession.Command command) {}

    private Live live(InfoHash hash, int fileIndex, PlaybackMethod method) throws IOException {
        MediaProbe probe = probeOf(hash, fileIndex);
        if (probe.durationSeconds() <= 0) {
            throw PlaybackProblems.unknownDuration();
        }
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        MediaInput input = cached.isPresent()
                ? MediaInput.file(cached.get().path())
                : loopback.inputFor(torrents.running(hash), fileIndex);
        String encoder = method == PlaybackMethod.TRANSCODE ? ffmpeg.h264Encoder() : "copy";
        String key = hash.hex() + "-" + fileIndex + "-" + method.slug();
        return new Live(
                key,
                probe,
                method,
                (first, folder) -> HlsArguments.of(probe, method, input, first, folder, settings, encoder));
    }

    /** The segment a start time (seconds) falls in, within the film; nonsense is the start. */
    private int startSegment(Double seconds, MediaProbe probe) {
        if (seconds == null || !(seconds > 0)) {
            return 0;
        }
        int last = HlsPlaylists.segmentCount(probe.durationSeconds(), settings.segmentSeconds()) - 1;
        return (int) Math.min(last, Math.floor(Math.min(seconds, probe.durationSeconds()) / settings.segmentSeconds()));
    }

    private MediaProbe probeOf(InfoHash hash, int fileIndex) {
        try {
            Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
            if (cached.isPresent()) {
                if (fileIndex != 0) {
                    throw PlaybackProblems.unknownCachedFile(fileIndex);
                }
                return probes.probe(
                        hash.hex(), 0, () -> MediaInput.file(cached.get().path()));
            }
            TorrentHandle torrent = torrents.running(hash);
            TorrentInfo info = torrents.awaitMetadata(torrent);
            Torrents.checkFileIndex(info, fileIndex);
            return probes.probe(torrent, fileIndex);
        } catch (UnplayableMediaException e) {
            throw PlaybackProblems.unplayable(e.getMessage());
        } catch (IOException e) {
            throw PlaybackProblems.probeFailed(e.getMessage());
        }
    }

    private static PlaybackDecision decide(MediaProbe probe, BrowserSupport browser) {
        try {
            return PlaybackDecider.decide(probe, browser);
        } catch (UnplayableMediaException e) {
            throw PlaybackProblems.unplayable(e.getMessage());
        }
    }

    private static BrowserSupport browser(String profile, String containers, String video, String audio) {
        try {
            return BrowserSupport.from(profile, containers, video, audio);
        } catch (IllegalArgumentException e) {
            throw PlaybackProblems.invalidCapabilities(e.getMessage());
        }
    }

    private static PlaybackMethod hlsMethod(String slug) {
        try {
            PlaybackMethod method = PlaybackMethod.fromSlug(slug);
            if (method == PlaybackMethod.DIRECT) {
                throw PlaybackProblems.unknownMethod(slug);
            }
            return method;
        } catch (IllegalArgumentException e) {
            throw PlaybackProblems.unknownMethod(slug);
        }
    }

    private static String query(String profile, String containers, String video, String audio) {
        StringBuilder query = new StringBuilder();
        append(query, "profile", profile);
        append(query, "containers", containers);
        append(query, "video", video);
        append(query, "audio", audio);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static ResponseEntity<String> playlist(String text) {
        return ResponseEntity.ok()
                .contentType(M3U8)
                .cacheControl(CacheControl.noCache())
                .body(text);
    }

    // A segment never changes once written (a torrent's content is fixed), so the browser may keep it.
    private static ResponseEntity<Resource> segment(Path file) {
        return ResponseEntity.ok()
                .contentType(MP4)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(new FileSystemResource(file));
    }
}
