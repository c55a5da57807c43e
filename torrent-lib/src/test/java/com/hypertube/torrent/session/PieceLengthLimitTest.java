package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces are held whole in memory while in flight: torrents with pieces over the client's limit are refused. */
@org.junit.jupiter.api.Tag("security")
class PieceLengthLimitTest {

    @TempDir
    Path temp;

    @Test
    void aTorrentWithPiecesOverTheLimitIsRefusedWithAClearError() throws Exception {
        Metainfo metainfo = torrentWithPieces(256 * 1024);
        try (TorrentClient client = LoopbackClients.onLoopback(temp.resolve("down"))
                .maxPieceLength(128 * 1024)
                .build()) {
            assertThatThrownBy(() -> client.add(metainfo))
                    .isInstanceOf(MetainfoException.class)
                    .hasMessageContaining("pieces of 256 KiB are larger than the 128 KiB this client accepts");
            assertThat(client.torrents()).isEmpty();
        }
    }

    @Test
    void aMagnetWhoseMetadataShowsPiecesOverTheLimitFailsWithTheReason() throws Exception {
        Metainfo metainfo = torrentWithPieces(256 * 1024);
        try (TorrentClient seeder = LoopbackClients.client(temp.resolve("seed"));
                TorrentClient leecher = LoopbackClients.onLoopback(temp.resolve("down"))
                        .maxPieceLength(128 * 1024)
                        .build()) {
            SwarmTest.awaitState(seeder.add(metainfo), TorrentState.SEEDING);
            TorrentHandle magnet = leecher.add(MagnetLink.parse(
                    "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&x.pe=127.0.0.1:" + seeder.port()));
            CompletableFuture<String> failed = new CompletableFuture<>();
            magnet.addListener(event -> {
                if (event instanceof TorrentEvent.Failed f) {
                    failed.complete(f.reason());
                }
            });

            assertThat(failed).succeedsWithin(Duration.ofSeconds(10)).asString().contains("larger than the 128 KiB");
            assertThat(magnet.state()).isEqualTo(TorrentState.FAILED);
        }
    }

    @Test
    void theDefaultLimitIs32MiB() {
        assertThat(TorrentClient.DEFAULT_MAX_PIECE_LENGTH).isEqualTo(32L * 1024 * 1024);
    }

    private Metainfo torrentWithPieces(int pieceLength) throws Exception {
        Path root = Files.createDirectories(temp.resolve("seed"));
        Path file = Files.write(root.resolve("film.mkv"), SwarmTest.random(600_000, 1));
        return Metainfo.parse(TorrentCreator.create(file, List.of(), pieceLength));
    }
}
