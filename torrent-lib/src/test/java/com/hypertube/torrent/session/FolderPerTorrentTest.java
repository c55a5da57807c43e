package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two torrents whose files have the same name never share (or spoil) each other's data. */
class FolderPerTorrentTest {

    @TempDir
    Path temp;

    @Test
    void twoReleasesNamedAlikeDownloadSideBySideEachIntoItsOwnFolder() throws Exception {
        byte[] first = SwarmTest.random(300_000, 1);
        byte[] second = SwarmTest.random(300_000, 2);
        Metainfo one = torrentOf(Files.createDirectories(temp.resolve("seed-1")), first);
        Metainfo other = torrentOf(Files.createDirectories(temp.resolve("seed-2")), second);
        Path root = temp.resolve("downloads");

        try (TorrentClient seederOne = LoopbackClients.client(temp.resolve("seed-1"));
                TorrentClient seederOther = LoopbackClients.client(temp.resolve("seed-2"));
                TorrentClient leecher =
                        LoopbackClients.onLoopback(root).folderPerTorrent().build()) {
            seederOne.add(one);
            seederOther.add(other);
            TorrentHandle a = leecher.add(one);
            TorrentHandle b = leecher.add(other);
            var bothDone = a.completion().thenCombine(b.completion(), (x, y) -> true);
            a.addPeers(List.of(new PeerAddress("127.0.0.1", seederOne.port())));
            b.addPeers(List.of(new PeerAddress("127.0.0.1", seederOther.port())));

            assertThat(bothDone).succeedsWithin(Duration.ofSeconds(20));
            assertThat(a.completedFile(0))
                    .hasValue(root.resolve(one.infoHash().hex()).resolve("film.mkv"));
        }
        assertThat(Files.readAllBytes(root.resolve(one.infoHash().hex()).resolve("film.mkv")))
                .isEqualTo(first);
        assertThat(Files.readAllBytes(root.resolve(other.infoHash().hex()).resolve("film.mkv")))
                .isEqualTo(second);
        assertThat(root.resolve("film.mkv")).doesNotExist();
    }

    private static Metainfo torrentOf(Path folder, byte[] content) throws Exception {
        return Metainfo.parse(
                TorrentCreator.create(Files.write(folder.resolve("film.mkv"), content), List.of(), 16_384));
    }
}
