package com.hypertube.streaming.storage;

import com.hypertube.streaming.StreamingProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The folder downloads go into, made ready when the service starts: a folder that cannot be created or
 * written stops the start-up with a message that says which folder, rather than failing the first
 * download much later.
 */
@Component
public class DownloadRoot {

    private final Path path;

    DownloadRoot(StreamingProperties properties) {
        this.path = prepare(properties.downloadRoot().toAbsolutePath().normalize());
    }

    public Path path() {
        return path;
    }

    /**
     * Where a file's browser-ready copy goes (the conversion queue's output): {@code .converted/<info hash>/}, beside
     * the torrents' own folders, which are named by their 40-character info hash and so can never be this one.
     */
    /** Where a file's subtitles go once turned into WebVTT: {@code .subtitles/<info hash>/<file index>-<track>.vtt}. */
    public Path subtitle(String infoHash, int fileIndex, String trackId) {
        return path.resolve(".subtitles").resolve(infoHash).resolve(fileIndex + "-" + trackId + ".vtt");
    }

    public Path convertedCopy(String infoHash, int fileIndex) {
        return path.resolve(".converted").resolve(infoHash).resolve(fileIndex + ".mp4");
    }

    static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the download folder " + folder + " (set HYPERTUBE_DOWNLOAD_ROOT to another one)", e);
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalStateException(
                    "The download folder " + folder + " is not writable (set HYPERTUBE_DOWNLOAD_ROOT to another one)");
        }
        return folder;
    }
}
