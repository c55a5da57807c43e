package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which block of a piece in flight is asked for next. */
class PieceDownloadTest {

    private final Peer peer = new Peer(null, 1);
    private final Peer other = new Peer(null, 1);

    // Three blocks: two whole ones and a short last one.
    private final PieceDownload download = new PieceDownload(7, new byte[2 * PieceDownload.BLOCK + 100]);

    @Test
    void blocksAreAskedForInOrderEachOnce() {
        assertThat(download.firstUnaskedBlock()).isZero();
        download.asked(0, peer, 0);
        assertThat(download.firstUnaskedBlock()).isEqualTo(1);
        download.asked(1, peer, 0);
        download.asked(2, peer, 0);
        assertThat(download.firstUnaskedBlock()).as("all asked").isEqualTo(-1);
    }

    @Test
    void aForgottenRequestMakesItsBlockAskableAgainUnlessAnotherPeerStillHasIt() {
        download.asked(0, peer, 0);
        download.asked(1, peer, 0);
        download.asked(1, other, 0); // endgame: asked twice

        download.forget(1, peer);
        assertThat(download.firstUnaskedBlock())
                .as("the other peer still has block 1")
                .isEqualTo(2);
        download.forget(0, peer);
        assertThat(download.firstUnaskedBlock()).isZero();
    }

    @Test
    void aReceivedBlockIsNeverAskedForAgain() {
        download.asked(0, peer, 0);
        download.asked(0, other, 0);
        assertThat(download.receive(0, new byte[PieceDownload.BLOCK], peer)).containsExactly(other);

        download.forget(0, other); // its cancel crossed the block
        assertThat(download.firstUnaskedBlock()).isEqualTo(1);
        assertThat(download.blockToAskAgain(peer, Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(download.isComplete()).isFalse();
    }
}
