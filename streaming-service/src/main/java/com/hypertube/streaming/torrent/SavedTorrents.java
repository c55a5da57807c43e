package com.hypertube.streaming.torrent;

import com.hypertube.torrent.metainfo.InfoHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The info dictionaries of the torrents we have downloaded, kept beside their data in
 * {@code <download root>/.torrents/<info hash>.info}: after a restart, a torrent is known again without
 * peers, its data verified on disk and served from it (seed 000's cache-first path).
 */
final class SavedTorrents {

    private static final Logger log = LoggerFactory.getLogger(SavedTorrents.class);

    private final Path folder;

    SavedTorrents(Path downloadRoot) {
        this.folder = downloadRoot.resolve(".torrents");
    }

    void save(InfoHash infoHash, byte[] info) {
        try {
            Files.createDirectories(folder);
            // Written aside and moved into place: a crash never leaves half a file to be trusted.
            Path partial = Files.createTempFile(folder, infoHash.hex(), ".partial");
            Files.write(partial, info);
            Files.move(partial, fileOf(infoHash), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not save the info of {}: it would be fetched from peers after a restart", infoHash, e);
        }
    }

    Optional<byte[]> load(InfoHash infoHash) {
        Path file = fileOf(infoHash);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the saved info of " + infoHash, e);
        }
    }

    void forget(InfoHash infoHash) {
        try {
            Files.deleteIfExists(fileOf(infoHash));
        } catch (IOException e) {
            log.warn("Could not delete the saved info of {}", infoHash, e);
        }
    }

    // The name is the info hash in hex: nothing from a torrent ever becomes part of this path.
    private Path fileOf(InfoHash infoHash) {
        return folder.resolve(infoHash.hex() + ".info");
    }
}
