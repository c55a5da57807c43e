package com.hypertube.source.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local folder with real .torrent files made by torrent-lib, and files that are not what they seem. */
class LocalFolderProviderTest {

    private static final TitleQuery MATRIX = TitleQuery.film("tt0133093", "The Matrix", 1999);
    private static final TitleQuery S01E03 = TitleQuery.episode("tt0903747", "Breaking Bad", 1, 3);
    private static final URI TRACKER = URI.create("udp://tracker.example.org:1337/announce");

    @TempDir
    Path root;

    private Path folder;
    private Path content;

    @BeforeEach
    void folders() throws IOException {
        folder = Files.createDirectory(root.resolve("torrents"));
        content = Files.createDirectory(root.resolve("content"));
    }

    private LocalFolderProvider provider() {
        return new LocalFolderProvider(TestSettings.localDir(folder.toString()));
    }

    /** A real .torrent of a small file named {@code name}, written as {@code torrentFile} in {@code into}. */
    private Metainfo torrent(String name, Path into, String torrentFile) throws IOException, MetainfoException {
        Path data = Files.writeString(content.resolve(name), "video bytes of " + name);
        byte[] torrent = TorrentCreator.create(data, List.of(TRACKER), 0);
        Files.write(into.resolve(torrentFile), torrent);
        return Metainfo.parse(torrent);
    }

    private Metainfo torrent(String name) throws IOException, MetainfoException {
        return torrent(name, folder, name + ".torrent");
    }

    @Test
    void findsAFilmByItsTitleAndYear() throws Exception {
        Metainfo matrix = torrent("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv");
        torrent("The.Matrix.Reloaded.2003.1080p.BluRay.x264-GROUP.mkv");
        torrent("The.Matrix.2031.1080p.WEB.x264-REMAKE.mkv");
        torrent("The.Matrix.1080p.BluRay.x264-NOYEAR.mkv");
        torrent("The.Matrix.S01E01.1080p.WEB.x264-SERIES.mkv");

        List<FoundSource> found = provider().find(MATRIX);

        assertThat(found).singleElement().satisfies(source -> {
            assertThat(source.infoHash()).isEqualTo(matrix.infoHash().hex());
            assertThat(source.releaseName()).isEqualTo("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv");
            assertThat(source.sizeBytes()).isEqualTo(matrix.info().totalLength());
            assertThat(source.provider()).isEqualTo("Local");
            assertThat(source.trackers()).containsExactly(TRACKER.toString());
            assertThat(source.magnet())
                    .startsWith("magnet:?xt=urn:btih:" + matrix.infoHash().hex())
                    .contains("tracker.example.org");
            assertThat(source.seeders()).isNull();
        });
    }

    @Test
    void findsAnEpisodeByShowSeasonAndEpisode() throws Exception {
        Metainfo episode = torrent("Breaking.Bad.S01E03.720p.HDTV.x264-CTU.mkv");
        torrent("Breaking.Bad.S01E04.720p.HDTV.x264-CTU.mkv");
        torrent("Breaking.Bad.S02E03.720p.HDTV.x264-CTU.mkv");
        torrent("Better.Call.Saul.S01E03.720p.HDTV.x264-CTU.mkv");

        List<FoundSource> found = provider().find(S01E03);

        assertThat(found).singleElement().satisfies(source -> {
            assertThat(source.infoHash()).isEqualTo(episode.infoHash().hex());
            assertThat(source.season()).isEqualTo(1);
            assertThat(source.episode()).isEqualTo(3);
        });
    }

    @Test
    void aTorrentWhoseNameSaysNothingIsMatchedByItsFileName() throws Exception {
        Metainfo plain = torrent("video.mkv", folder, "The Matrix (1999) [720p].torrent");

        assertThat(provider().find(MATRIX))
                .extracting(FoundSource::infoHash)
                .containsExactly(plain.infoHash().hex());
    }

    @Test
    void hostileFilesAreSkippedAndTheRestStillFound() throws Exception {
        Metainfo good = torrent("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv");
        // Too big: over 10 MiB, even though it starts like a torrent.
        byte[] big = new byte[LocalFolderProvider.MAX_TORRENT_BYTES + 1];
        big[0] = 'd';
        Files.write(folder.resolve("The.Matrix.1999.BIG.torrent"), big);
        // Not bencode, bencode that is not a dictionary, a dictionary without info.
        Files.writeString(folder.resolve("The.Matrix.1999.TEXT.torrent"), "hello, I am not a torrent");
        Files.writeString(folder.resolve("The.Matrix.1999.LIST.torrent"), "l4:spame");
        Files.writeString(folder.resolve("The.Matrix.1999.NOINFO.torrent"), "d8:announce3:xyze");
        Files.write(folder.resolve("The.Matrix.1999.CUT.torrent"), "d4:infod4:name".getBytes());
        // A link to a real, matching torrent elsewhere: not followed.
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        torrent("The.Matrix.1999.720p.LINKED.mkv", elsewhere, "linked.torrent");
        Files.createSymbolicLink(
                folder.resolve("The.Matrix.1999.720p.LINKED.torrent"), elsewhere.resolve("linked.torrent"));
        // A matching torrent in a subfolder: not read. A folder named like a torrent: not a file.
        Path sub = Files.createDirectory(folder.resolve("sub"));
        torrent("The.Matrix.1999.2160p.SUB.mkv", sub, "The.Matrix.1999.2160p.SUB.torrent");
        Files.createDirectory(folder.resolve("The.Matrix.1999.DIR.torrent"));
        // A pipe would block a plain read forever.
        boolean pipe = mkfifo(folder.resolve("The.Matrix.1999.PIPE.torrent"));

        List<FoundSource> found = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> provider().find(MATRIX));

        assertThat(found)
                .extracting(FoundSource::infoHash)
                .containsExactly(good.infoHash().hex());
        assertThat(pipe).as("the pipe case ran").isTrue();
    }

    @Test
    void theScanIsKeptUntilTheFolderChanges() throws Exception {
        torrent("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv");
        LocalFolderProvider provider = provider();
        assertThat(provider.find(MATRIX)).hasSize(1);
        FileTime scanned = Files.getLastModifiedTime(folder);

        torrent("The.Matrix.1999.720p.BluRay.x264-OTHER.mkv");
        Files.setLastModifiedTime(folder, scanned);
        assertThat(provider.find(MATRIX)).as("the folder looks unchanged").hasSize(1);

        Files.setLastModifiedTime(folder, FileTime.from(scanned.toInstant().plusSeconds(60)));
        assertThat(provider.find(MATRIX)).as("the folder changed").hasSize(2);
    }

    @Test
    void anEmptySettingIsOffAndAMissingFolderFindsNothing() {
        LocalFolderProvider off = new LocalFolderProvider(TestSettings.localDir(""));
        assertThat(off.enabled()).isFalse();
        assertThat(off.find(MATRIX)).isEmpty();

        LocalFolderProvider missing = new LocalFolderProvider(
                TestSettings.localDir(root.resolve("gone").toString()));
        assertThat(missing.enabled()).isTrue();
        assertThat(missing.find(MATRIX)).isEmpty();
    }

    private static boolean mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).start();
        return process.waitFor() == 0 && Files.exists(path);
    }
}
