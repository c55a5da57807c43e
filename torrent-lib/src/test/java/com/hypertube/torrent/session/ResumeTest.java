package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart, data already on disk is verified and kept: nothing is downloaded twice. */
class ResumeTest {

    @TempDir
    Path temp;

    /** A torrent of a folder of two files, e1.mkv and e2.mkv, written there, in pieces of 16 KiB. */
    static Metainfo twoEpisodes(Path folder, byte[] first, byte[] second) throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve("e1.mkv"), first);
        Files.write(folder.resolve("e2.mkv"), second);
        return Metainfo.parse(TorrentCreator.create(folder, List.of(), 16_384));
    }

    @Test
    void aRestartedDownloadFetchesOnlyWhatIsMissing() throws Exception {
        byte[] first = SwarmTest.random(600_000, 1);
        byte[] second = SwarmTest.random(400_000, 2);
        Metainfo metainfo = twoEpisodes(temp.resolve("seed/show"), first, second);
        Path leechRoot = temp.resolve("leech");

        try (TorrentClient seeder = LoopbackClients.client(temp.resolve("seed"))) {
            seeder.add(metainfo);
            PeerAddress seederAddress = new PeerAddress("127.0.0.1", seeder.port());

            // First run: only the first episode.
            try (TorrentClient leecher = LoopbackClients.client(leechRoot)) {
                TorrentHandle handle = leecher.add(metainfo);
                handle.select(Set.of(0));
                var done = handle.completion();
                handle.addPeers(List.of(seederAddress));
                assertThat(done).succeedsWithin(Duration.ofSeconds(20));
            }
            long firstRunBytes = Files.size(leechRoot.resolve("show/e1.mkv"));

            // Second run, a new client on the same folder: the first episode is recognised.
            try (TorrentClient leecher = LoopbackClients.client(leechRoot)) {
                TorrentHandle handle = leecher.add(metainfo);
                SwarmTest.awaitState(handle, TorrentState.DOWNLOADING);
                assertThat(handle.status().verifiedBytes()).isGreaterThanOrEqualTo(firstRunBytes - 16_384);
                var done = handle.completion();
                handle.addPeers(List.of(seederAddress));
                assertThat(done).succeedsWithin(Duration.ofSeconds(20));
                assertThat(handle.status().downloadedBytes()).isLessThanOrEqualTo(400_000 + 2 * 16_384);
            }
        }
        assertThat(Files.readAllBytes(leechRoot.resolve("show/e1.mkv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(leechRoot.resolve("show/e2.mkv"))).isEqualTo(second);
    }
}
