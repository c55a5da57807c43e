package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.InfoParser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The number a requested block is kept under in a peer's pipeline. */
class BlockKeyTest {

    @Test
    void aKeyGivesBackItsPieceAndBlock() {
        for (int piece : new int[] {0, 1, 4_095, (1 << 20) - 1}) {
            for (int block : new int[] {0, 1, 63, Peer.MAX_BLOCKS_PER_PIECE - 1}) {
                long key = Peer.key(piece, block);
                assertThat(Peer.pieceOf(key)).isEqualTo(piece);
                assertThat(Peer.blockOf(key)).isEqualTo(block);
            }
        }
    }

    @Test
    void thePiecesInFlightHashToDistinctValues() {
        // A pipeline's worth: 16 pieces of 4 MiB (256 blocks each) in flight. Keys that collide in
        // Long.hashCode turn the map's buckets into trees: every one must hash apart.
        Set<Integer> hashes = new HashSet<>();
        for (int piece = 1_000; piece < 1_016; piece++) {
            for (int block = 0; block < 256; block++) {
                hashes.add(Long.hashCode(Peer.key(piece, block)));
            }
        }

        assertThat(hashes).hasSize(16 * 256);
    }

    @Test
    void theLargestPieceTheParserAcceptsFitsInAKey() {
        assertThat((long) Peer.MAX_BLOCKS_PER_PIECE * PieceDownload.BLOCK)
                .isGreaterThanOrEqualTo(InfoParser.MAX_PIECE_LENGTH);
    }
}
