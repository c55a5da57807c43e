package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buffers of pieces in flight, all torrents of a client together, stay within its budget: several
 * torrents of large pieces would otherwise each begin four or more at once.
 */
@org.junit.jupiter.api.Tag("security")
class PieceMemoryBudgetTest {

    private static final int PIECE = 2 * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void threeTorrentsOfLargePiecesDownloadByteExactWithinABudgetOfTwoPieces() throws Exception {
        List<Metainfo> torrents = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        Path seedRoot = Files.createDirectories(temp.resolve("seed"));
        for (int i = 0; i < 3; i++) {
            byte[] content = SwarmTest.random(5 * PIECE + 12_345, i);
            Path file = Files.write(seedRoot.resolve("film" + i + ".mkv"), content);
            torrents.add(Metainfo.parse(TorrentCreator.create(file, List.of(), PIECE)));
            contents.add(content);
        }
        Path downloads = temp.resolve("down");
        try (TorrentClient seeder = LoopbackClients.client(seedRoot);
                TorrentClient leecher = LoopbackClients.onLoopback(downloads)
                        .maxPieceLength(PIECE)
                        .pieceMemoryBudget(2L * PIECE)
                        .build()) {
            for (Metainfo torrent : torrents) {
                SwarmTest.awaitState(seeder.add(torrent), TorrentState.SEEDING);
            }
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (Metainfo torrent : torrents) {
                TorrentHandle handle = leecher.add(torrent);
                done.add(handle.completion());
                handle.addPeers(List.of(new PeerAddress("127.0.0.1", seeder.port())));
            }

            assertThat(CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)))
                    .succeedsWithin(Duration.ofSeconds(60));
            for (int i = 0; i < 3; i++) {
                assertThat(Files.readAllBytes(downloads.resolve("film" + i + ".mkv")))
                        .as("film %d byte-exact", i)
                        .isEqualTo(contents.get(i));
            }
            assertThat(leecher.pieceMemory().peak()).isLessThanOrEqualTo(2L * PIECE);
            assertThat(leecher.pieceMemory().used())
                    .as("all given back once complete")
                    .isZero();
        }
    }

    @Test
    void aBudgetTooSmallForOnePieceOfTheLargestAcceptedIsRefused() {
        assertThatThrownBy(() -> TorrentClient.builder()
                        .port(-1)
                        .maxPieceLength(4 * 1024 * 1024)
                        .pieceMemoryBudget(1024 * 1024)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hold one piece");
    }

    @Test
    void theDefaultsHoldTwoPiecesOfTheLargestAccepted() {
        assertThat(TorrentClient.DEFAULT_PIECE_MEMORY_BUDGET).isEqualTo(2 * TorrentClient.DEFAULT_MAX_PIECE_LENGTH);
    }
}
