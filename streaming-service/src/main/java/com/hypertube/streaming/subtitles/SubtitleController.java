package com.hypertube.streaming.subtitles;

import com.hypertube.streaming.playback.MediaProbe;
import com.hypertube.streaming.playback.MediaProbes;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.stream.Torrents;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import com.hypertube.web.client.ProviderException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stream/{infoHash}/{fileIndex}/subtitles?languages=fr}: a video's subtitle tracks, English and the
 * languages asked for first; {@code …/subtitles/{id}.vtt}: one as WebVTT. Both may wait (a probe, a file's
 * pieces, ffmpeg): answered on a virtual thread.
 */
@RestController
class SubtitleController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubtitleController.class);

    private static final String BASE = "/api/stream/{infoHash}/{fileIndex}/subtitles";
    private static final MediaType VTT = MediaType.parseMediaType("text/vtt;charset=UTF-8");

    private final Torrents torrents;
    private final CachedFiles cachedFiles;
    private final MediaProbes probes;
    private final SubtitleFiles files;
    private final OpenSubtitles openSubtitles;
    private final FoundSubtitles found;
    private final EmbeddedTracks embedded;

    SubtitleController(
            Torrents torrents,
            CachedFiles cachedFiles,
            MediaProbes probes,
            SubtitleFiles files,
            OpenSubtitles openSubtitles,
            FoundSubtitles found,
            EmbeddedTracks embedded) {
        this.torrents = torrents;
        this.cachedFiles = cachedFiles;
        this.probes = probes;
        this.files = files;
        this.openSubtitles = openSubtitles;
        this.found = found;
        this.embedded = embedded;
    }

    @GetMapping(BASE)
    Callable<List<SubtitleTrack>> list(
            Caller caller,
            @PathVariable String infoHash,
            @PathVariable int fileIndex,
            @RequestParam(required = false) String languages,
            @RequestParam(required = false) String imdbId,
            @RequestParam(required = false) Integer season,
            @RequestParam(required = false) Integer episode) {
        InfoHash hash = torrents.parseHash(infoHash);
        List<String> preferred = preferred(languages);
        OpenSubtitles.Title title = title(imdbId, season, episode);
        return () -> {
            List<SubtitleTrack> tracks = new ArrayList<>(tracks(hash, fileIndex, preferred));
            tracks.addAll(openSubtitles(hash, fileIndex, title, preferred));
            tracks.sort(SubtitleTracks.order(preferred));
            if (caller.isUser()) {
                found.announce(title, tracks);
            }
            return tracks;
        };
    }

    @GetMapping(BASE + "/{id:os-\\d{1,12}}.vtt")
    Callable<ResponseEntity<Resource>> openSubtitlesVtt(
            @PathVariable String infoHash, @PathVariable int fileIndex, @PathVariable String id) {
        InfoHash hash = torrents.parseHash(infoHash);
        long fileId = Long.parseLong(id.substring("os-".length()));
        return () -> {
            Path vtt;
            try {
                vtt = openSubtitles.vtt(hash.hex(), fileIndex, fileId);
            } catch (OpenSubtitles.UnknownSubtitleException unknown) {
                throw problem(HttpStatus.NOT_FOUND, "unknown-subtitle", "This file has no subtitle track " + id + ".");
            } catch (OpenSubtitlesClient.QuotaExhaustedException exhausted) {
                throw ProblemTypes.retryLater(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "subtitles-quota-exhausted",
                        "Today's OpenSubtitles downloads are spent: try again later, or pick another track.",
                        exhausted.retryAfter());
            } catch (ProviderException failed) {
                log.info("OpenSubtitles file {} not served: {}", fileId, failed.getMessage());
                throw ProblemTypes.retryLater(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "subtitles-provider-unavailable",
                        "OpenSubtitles could not be reached: try again later, or pick another track.",
                        failed.retryAfter().orElse(Duration.ofSeconds(60)));
            } catch (IOException e) {
                throw problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unreadable-subtitle",
                        "This subtitle track could not be read: " + e.getMessage() + ".");
            }
            return ResponseEntity.ok()
                    .contentType(VTT)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                    .body(new FileSystemResource(vtt));
        };
    }

    /** OpenSubtitles' tracks, after the others; never a failure of the list. */
    private List<SubtitleTrack> openSubtitles(
            InfoHash hash, int fileIndex, OpenSubtitles.Title title, List<String> preferred) {
        try {
            Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
            if (cached.isPresent()) {
                Path path = cached.get().path();
                return openSubtitles.tracks(
                        hash.hex(),
                        fileIndex,
                        String.valueOf(path.getFileName()),
                        timeout -> FileChannel.open(path),
                        title,
                        preferred);
            }
            TorrentHandle torrent = torrents.running(hash);
            TorrentFile video = torrent.files().get(fileIndex);
            return openSubtitles.tracks(
                    hash.hex(),
                    fileIndex,
                    video.displayPath(),
                    timeout -> torrent.openFile(fileIndex, timeout),
                    title,
                    preferred);
        } catch (RuntimeException e) {
            log.info("OpenSubtitles left out of the list: {}", e.toString());
            return List.of();
        }
    }

    private static OpenSubtitles.Title title(String imdbId, Integer season, Integer episode) {
        if (imdbId != null && !imdbId.isBlank() && !imdbId.strip().matches("tt\\d{1,10}")) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-imdb-id", "An IMDb id looks like tt0133093.");
        }
        if ((season != null && (season < 0 || season > 10_000))
                || (episode != null && (episode < 0 || episode > 100_000))) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-episode", "Give a season and an episode number.");
        }
        return new OpenSubtitles.Title(imdbId == null || imdbId.isBlank() ? null : imdbId.strip(), season, episode);
    }

    @GetMapping(BASE + "/{id:(?:embedded|file)-\\d{1,6}}.vtt")
    Callable<ResponseEntity<Resource>> vtt(
            @PathVariable String infoHash, @PathVariable int fileIndex, @PathVariable String id) {
        InfoHash hash = torrents.parseHash(infoHash);
        return () -> {
            SubtitleTrack track = tracks(hash, fileIndex, List.of()).stream()
                    .filter(candidate -> candidate.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> problem(
                            HttpStatus.NOT_FOUND, "unknown-subtitle", "This file has no subtitle track " + id + "."));
            if (!track.text()) {
                throw problem(
                        HttpStatus.NOT_FOUND,
                        "image-subtitle",
                        "Track " + id + " is made of images: browsers cannot show it.");
            }
            int number = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            EmbeddedTracks.Vtt vtt;
            try {
                vtt = id.startsWith("embedded-")
                        ? embedded.vtt(hash, fileIndex, number)
                        : new EmbeddedTracks.Vtt(torrentFile(hash, fileIndex, number), true);
            } catch (EmbeddedTracks.NotReadableYetException notYet) {
                throw ProblemTypes.retryLater(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "subtitles-pending",
                        "This track is inside the video and cannot be read from what is downloaded yet: try again"
                                + " shortly, or pick another track.",
                        Duration.ofSeconds(15));
            } catch (IOException e) {
                throw problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unreadable-subtitle",
                        "This subtitle track could not be read: " + e.getMessage() + ".");
            }
            // A track so far changes as the download goes on: nobody may keep it.
            return ResponseEntity.ok()
                    .contentType(VTT)
                    .cacheControl(
                            vtt.complete()
                                    ? CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()
                                    : CacheControl.noStore())
                    .body(new FileSystemResource(vtt.path()));
        };
    }

    private List<SubtitleTrack> tracks(InfoHash hash, int fileIndex, List<String> preferred) {
        Optional<CachedFiles.CachedFile> cached = cachedFiles.find(hash);
        try {
            if (cached.isPresent()) {
                if (fileIndex != 0) {
                    throw problem(
                            HttpStatus.NOT_FOUND,
                            "unknown-file",
                            "No file " + fileIndex + ": a cached file is file 0.");
                }
                MediaProbe probe = probes.probe(
                        hash.hex(),
                        0,
                        () -> com.hypertube.streaming.playback.MediaInput.file(
                                cached.get().path()));
                return SubtitleTracks.of(probe, List.of(), 0, preferred, SubtitleTracks.VideoHere.ALL);
            }
            TorrentHandle torrent = torrents.running(hash);
            TorrentInfo info = torrents.awaitMetadata(torrent);
            Torrents.checkFileIndex(info, fileIndex);
            MediaProbe probe = probeOrNone(torrent, fileIndex);
            return SubtitleTracks.of(probe, info.files(), fileIndex, preferred, videoHere(torrent, fileIndex));
        } catch (IOException e) {
            throw problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "probe-failed",
                    "The file could not be examined yet: try again shortly.");
        }
    }

    private static SubtitleTracks.VideoHere videoHere(TorrentHandle torrent, int fileIndex) throws IOException {
        if (torrent.completedFile(fileIndex).isPresent()) {
            return SubtitleTracks.VideoHere.ALL;
        }
        return torrent.verifiedPrefix(fileIndex) > 0 ? SubtitleTracks.VideoHere.HEAD : SubtitleTracks.VideoHere.NOTHING;
    }

    /** Without a readable video, the torrent's subtitle files are still worth listing. */
    private MediaProbe probeOrNone(TorrentHandle torrent, int fileIndex) throws IOException {
        try {
            return probes.probe(torrent, fileIndex);
        } catch (RuntimeException unreadable) {
            return new MediaProbe("", 0, 0, List.of(), List.of(), List.of());
        }
    }

    private Path torrentFile(InfoHash hash, int fileIndex, int subtitleFile) throws IOException {
        TorrentHandle torrent = torrents.running(hash);
        TorrentFile file = torrent.files().get(subtitleFile);
        return files.torrentFile(
                hash.hex(), fileIndex, torrent, subtitleFile, SubtitleTracks.extension(file.displayPath()));
    }

    /** English first, then the viewer's languages (two-letter codes, at most five; anything else is refused). */
    private static List<String> preferred(String languages) {
        List<String> preferred = new ArrayList<>(List.of("en"));
        if (languages == null || languages.isBlank()) {
            return preferred;
        }
        List<String> asked = Arrays.stream(languages.split(","))
                .map(code -> code.trim().toLowerCase(Locale.ROOT))
                .toList();
        if (asked.size() > 5 || asked.stream().anyMatch(code -> !code.matches("[a-z]{2}"))) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-languages",
                    "Give up to five two-letter language codes, comma-separated (languages=fr,es).");
        }
        asked.stream().filter(code -> !preferred.contains(code)).forEach(preferred::add);
        return preferred;
    }

    private static ErrorResponseException problem(HttpStatus status, String kind, String detail) {
        return ProblemTypes.error(status, kind, detail);
    }
}
