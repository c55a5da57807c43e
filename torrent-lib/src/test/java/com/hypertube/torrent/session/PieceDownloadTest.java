package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(download.receive(0, new byte[PieceDownload.BLOCK], peer, false))
                .containsExactly(other);

        download.forget(0, other); // its cancel crossed the block
        assertThat(download.firstUnaskedBlock()).isEqualTo(1);
        assertThat(download.blockToAskAgain(peer, Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(download.isComplete()).isFalse();
    }

    /**
     * A piece a player waits for is hashed as its blocks arrive, the others when complete: the hash is the
     * piece's SHA-1 whichever way, in whatever order the blocks came.
     */
    @ParameterizedTest
    @CsvSource({
        "'0,1,2', 'false,false,false'", // hashed whole when complete
        "'0,1,2', 'true,true,true'", // hashed on arrival
        "'2,0,1', 'true,true,true'", // out of order: hashed as the prefix grows
        "'1,0,2', 'false,true,false'", // awaited from its second block on
        "'0,2,1', 'true,false,false'" // no longer awaited (the player moved on)
    })
    void theHashIsThePiecesSha1HoweverItsBlocksCame(String order, String awaited) throws Exception {
        byte[] bytes = new byte[2 * PieceDownload.BLOCK + 100];
        new Random(7).nextBytes(bytes);
        String[] blocks = order.split(",");
        String[] awaits = awaited.split(",");

        for (int i = 0; i < blocks.length; i++) {
            int block = Integer.parseInt(blocks[i]);
            int from = block * PieceDownload.BLOCK;
            byte[] data = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PieceDownload.BLOCK));
            download.receive(block, data, peer, Boolean.parseBoolean(awaits[i]));
        }

        assertThat(download.isComplete()).isTrue();
        assertThat(download.sha1()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void anIncompletePieceHasNoHash() {
        download.receive(0, new byte[PieceDownload.BLOCK], peer, true);
        download.receive(2, new byte[100], peer, true);

        assertThatThrownBy(download::sha1).isInstanceOf(IllegalStateException.class);
    }
}
