package com.hypertube.streaming.storage;

import com.hypertube.streaming.stream.MediaTypes;
import com.hypertube.torrent.metainfo.InfoHash;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Seed 000's pre-populated cache: a video an administrator drops into the download folder, named
 * {@code {infoHash}-{any name}.{video extension}} and at least 1 MB, is that torrent's file 0, served at once
 * with no peer and no metadata. It cannot be checked against the torrent (we do not have its pieces' hashes):
 * it is trusted as it is, as the administrator's. Only plain files directly in the folder count (no link, no
 * sub-folder), and the janitor never deletes them.
 */
@Component
public class CachedFiles {

    private static final long MIN_BYTES = 1 << 20;

    /** A listing of the folder is reused this long: a range request must not cost a directory scan. */
    private static final Duration REUSE = Duration.ofSeconds(5);

    /** A file of the cache, for the torrent {@code infoHash}. */
    public record CachedFile(InfoHash infoHash, Path path, String name, long size) {}

    private final Path root;
    private final InstantSource clock;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    private record Lookup(Optional<CachedFile> file, Instant at) {}

    CachedFiles(DownloadRoot downloadRoot, InstantSource clock) {
        this.root = downloadRoot.path();
        this.clock = clock;
    }

    public Optional<CachedFile> find(InfoHash infoHash) {
        Instant now = clock.instant();
        Lookup known = lookups.get(infoHash.hex());
        if (known != null && known.at().plus(REUSE).isAfter(now)) {
            return known.file();
        }
        Optional<CachedFile> found = scan(infoHash);
        if (lookups.size() > 10_000) {
            lookups.clear(); // asked about many hashes: start again rather than grow
        }
        lookups.put(infoHash.hex(), new Lookup(found, now));
        return found;
    }

    private Optional<CachedFile> scan(InfoHash infoHash) {
        String prefix = infoHash.hex() + "-";
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(root, entry -> {
            String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.startsWith(prefix) && name.length() > prefix.length() && MediaTypes.isVideo(name);
        })) {
            for (Path candidate : candidates) {
                if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS) && Files.size(candidate) >= MIN_BYTES) {
                    String name = candidate.getFileName().toString().substring(prefix.length());
                    return Optional.of(new CachedFile(infoHash, candidate, name, Files.size(candidate)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
