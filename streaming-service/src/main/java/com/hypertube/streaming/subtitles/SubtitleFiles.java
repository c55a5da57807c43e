package com.hypertube.streaming.subtitles;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.playback.Ffmpeg;
import com.hypertube.streaming.playback.MediaInput;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a subtitle track into a WebVTT file under the download root, once (later asks read the file): an embedded
 * text track is extracted by ffmpeg as SubRip (ffmpeg reduces ASS styling and mov_text to text); a subtitle file
 * of the torrent is read through the torrent (its pieces first), decoded whatever its encoding, and ASS/SSA ones
 * go through ffmpeg too. Every track then goes through the same cue reader and WebVTT writer.
 */
@Component
class SubtitleFiles {

    private static final Logger log = LoggerFactory.getLogger(SubtitleFiles.class);

    /** Larger than any real subtitle file (a film's SubRip is 50–150 KB): refused rather than read. */
    static final int MAX_FILE_BYTES = 5 << 20;

    private final DownloadRoot downloadRoot;
    private final Ffmpeg ffmpeg;
    private final Duration readTimeout;

    SubtitleFiles(DownloadRoot downloadRoot, Ffmpeg ffmpeg, StreamingProperties properties) {
        this.downloadRoot = downloadRoot;
        this.ffmpeg = ffmpeg;
        this.readTimeout = properties.torrent().readTimeout();
    }

    /** The WebVTT of an embedded text track of a complete file. */
    Path embedded(String infoHash, int fileIndex, int streamIndex, Path video) throws IOException {
        Path target = downloadRoot.subtitle(infoHash, fileIndex, "embedded-" + streamIndex);
        if (Files.exists(target)) {
            return target;
        }
        String srt = extract(List.of("-i", "file:" + video.toAbsolutePath(), "-map", "0:" + streamIndex));
        return write(target, srt);
    }

    /**
     * The WebVTT of an embedded text track as far as {@code head} goes (the downloaded start of a file still
     * downloading), made anew at each call into a {@code …-so-far.vtt} file of its own, never taken for the whole track.
     */
    Path embeddedSoFar(String infoHash, int fileIndex, int streamIndex, MediaInput head) throws IOException {
        Path target = downloadRoot.subtitle(infoHash, fileIndex, "embedded-" + streamIndex + "-so-far");
        String srt = extract(List.of("-i", head.forFfmpeg(), "-map", "0:" + streamIndex));
        return write(target, srt);
    }

    /** The WebVTT of a subtitle file of the torrent. */
    Path torrentFile(String infoHash, int fileIndex, TorrentHandle torrent, int subtitleFile, String extension)
            throws IOException {
        Path target = downloadRoot.subtitle(infoHash, fileIndex, "file-" + subtitleFile);
        if (Files.exists(target)) {
            return target;
        }
        String text = SubtitleText.decode(read(torrent, subtitleFile));
        if (extension.equals("ass") || extension.equals("ssa")) {
            Path ass = Files.createTempFile("subtitle", "." + extension);
            try {
                Files.writeString(ass, text, StandardCharsets.UTF_8);
                text = extract(List.of("-sub_charenc", "UTF-8", "-i", "file:" + ass.toAbsolutePath()));
            } finally {
                Files.deleteIfExists(ass);
            }
        }
        return write(target, text);
    }

    private String extract(List<String> input) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        arguments.addAll(input);
        arguments.addAll(List.of("-f", "srt", "-"));
        Ffmpeg.Result result = ffmpeg.convert(arguments, Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new IOException("ffmpeg could not read the subtitles: " + result.lastErrorLine());
        }
        return new String(result.output(), StandardCharsets.UTF_8);
    }

    private Path write(Path target, String subtitles) throws IOException {
        SrtCues.Parsed parsed = SrtCues.parse(subtitles.replace("\r\n", "\n"));
        if (parsed.dropped() > 0) {
            log.info(
                    "{}: {} unreadable cues dropped, {} kept",
                    target.getFileName(),
                    parsed.dropped(),
                    parsed.cues().size());
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "partial", ".vtt");
        Files.writeString(partial, WebVtt.write(parsed.cues()), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private byte[] read(TorrentHandle torrent, int fileIndex) throws IOException {
        long size = torrent.files().get(fileIndex).length();
        if (size > MAX_FILE_BYTES) {
            throw new IOException("the subtitle file is " + size + " bytes, more than " + MAX_FILE_BYTES);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
        try (TorrentFileReader reader = torrent.openFile(fileIndex, readTimeout)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (bytes.size() < size) {
                buffer.clear();
                int read = reader.read(buffer);
                if (read < 0) {
                    break;
                }
                bytes.write(buffer.array(), 0, read);
            }
        }
        return bytes.toByteArray();
    }
}
