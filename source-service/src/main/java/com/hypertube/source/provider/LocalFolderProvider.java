package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties;
import com.hypertube.source.release.ReleaseInfo;
import com.hypertube.source.release.ReleaseNames;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The .torrent files of one folder ({@code SOURCES_LOCAL_DIR}), matched to a title by what their names say
 * (title and year for a film, title, season and episode for an episode): the name inside the torrent, or the
 * file's own name, which is what the person who put it there chose. Only the folder itself is read, not
 * its subfolders; symbolic links are not followed (a link could point anywhere on the host); a file over 10 MiB
 * or that is not a torrent is skipped with a warning.
 *
 * <p>The scan is kept until the folder's modification time changes, which adding, removing or renaming a file
 * does; a file rewritten in place under the same name is seen only after that.
 */
@Component
class LocalFolderProvider implements SourceProvider {

    static final String NAME = "Local";
    static final int MAX_TORRENT_BYTES = 10 << 20;
    // Far more than anyone keeps by hand; bounds the work one changed folder costs a search.
    static final int MAX_FILES = 2_000;
    private static final Logger log = LoggerFactory.getLogger(LocalFolderProvider.class);

    /**
     * A torrent of the folder, read once per scan.
     *
     * @param names what its own name and its file's name say: either may be the one that names the title
     */
    record LocalTorrent(String infoHash, String name, long size, List<String> trackers, List<ReleaseInfo> names) {}

    private record Scan(FileTime modified, List<LocalTorrent> torrents) {}

    private final Path folder;
    private volatile Scan last;

    LocalFolderProvider(SourceProperties properties) {
        String dir = properties.localDir();
        this.folder = dir == null || dir.isBlank() ? null : Path.of(dir.strip());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return folder != null;
    }

    @Override
    public List<FoundSource> find(TitleQuery query) {
        if (folder == null) {
            return List.of();
        }
        return torrents().stream()
                .filter(torrent -> torrent.names().stream().anyMatch(release -> TitleMatch.matches(release, query)))
                .map(torrent -> source(torrent, query))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The folder's torrents, scanned again only when the folder changed. */
    List<LocalTorrent> torrents() {
        try {
            // Read before listing: a change during the scan makes the next search scan again.
            FileTime modified = Files.getLastModifiedTime(folder);
            Scan cached = last;
            if (cached != null && cached.modified().equals(modified)) {
                return cached.torrents();
            }
            List<LocalTorrent> torrents = scan(folder);
            last = new Scan(modified, torrents);
            return torrents;
        } catch (IOException e) {
            log.warn("The local torrents folder {} cannot be read: {}", folder, e.toString());
            return List.of();
        }
    }

    private static List<LocalTorrent> scan(Path folder) throws IOException {
        List<LocalTorrent> torrents = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".torrent")) {
                    continue;
                }
                if (++seen > MAX_FILES) {
                    log.warn(
                            "The local torrents folder {} has over {} torrents; the rest are left out",
                            folder,
                            MAX_FILES);
                    break;
                }
                read(file).ifPresent(torrents::add);
            }
        }
        return List.copyOf(torrents);
    }

    private static Optional<LocalTorrent> read(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // Not a link, a folder, a pipe (which would block the read) or a device.
            if (!attributes.isRegularFile()) {
                return skipped(file, "it is not a plain file");
            }
            if (attributes.size() > MAX_TORRENT_BYTES) {
                return skipped(file, "it is larger than 10 MiB");
            }
            byte[] bytes;
            // NOFOLLOW_LINKS again: the file may have been swapped for a link since its attributes were read.
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_TORRENT_BYTES + 1);
            }
            if (bytes.length > MAX_TORRENT_BYTES) {
                return skipped(file, "it grew past 10 MiB");
            }
            Metainfo torrent = Metainfo.parse(bytes);
            String name = torrent.info().name();
            return Optional.of(new LocalTorrent(
                    torrent.infoHash().hex(),
                    name,
                    torrent.info().totalLength(),
                    torrent.trackers().stream().map(URI::toString).toList(),
                    names(name, file)));
        } catch (MetainfoException e) {
            return skipped(file, "it is not a valid torrent (" + e.getMessage() + ")");
        } catch (IOException e) {
            return skipped(file, "it cannot be read (" + e + ")");
        }
    }

    /** What the torrent's name and the file's name say (a name over the parser's limit says nothing). */
    private static List<ReleaseInfo> names(String name, Path file) {
        List<ReleaseInfo> names = new ArrayList<>(2);
        for (String text : List.of(name, file.getFileName().toString())) {
            try {
                names.add(ReleaseNames.parse(text));
            } catch (IllegalArgumentException tooLong) {
                // left out
            }
        }
        return List.copyOf(names);
    }

    private static Optional<LocalTorrent> skipped(Path file, String why) {
        log.warn(
                "Skipped {} in the local torrents folder: {}",
                FoundSource.clean(file.getFileName().toString()),
                why);
        return Optional.empty();
    }

    private static Optional<FoundSource> source(LocalTorrent torrent, TitleQuery query) {
        FoundSource.Builder source = FoundSource.from(NAME)
                .hash(torrent.infoHash())
                .name(torrent.name())
                .size(torrent.size())
                .trackers(torrent.trackers());
        if (query.isEpisode()) {
            source.episode(query.season(), query.episode());
        }
        return source.build();
    }
}
