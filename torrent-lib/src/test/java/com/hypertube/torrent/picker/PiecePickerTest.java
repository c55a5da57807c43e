package com.hypertube.torrent.picker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.peer.Bitfield;
import org.junit.jupiter.api.Test;

class PiecePickerTest {

    private final PiecePicker picker = new PiecePicker(8);
    private final Bitfield seeder = all(8);

    @Test
    void rarestFirstAmongEquals() {
        Bitfield common = all(8);
        picker.peerHasAll(common);
        picker.peerHasAll(common);
        picker.peerHasAll(seeder); // everything has 3 peers...
        Bitfield partial = new Bitfield(8);
        for (int piece = 0; piece < 8; piece++) {
            if (piece != 5) {
                partial.set(piece);
            }
        }
        picker.peerHasAll(partial); // ...but piece 5 has only 3 while the others have 4

        assertThat(next()).isEqualTo(5);
    }

    @Test
    void anyToBeginSeesOnlyWantedUnbegunPiecesThePeerHas() {
        Bitfield peer = new Bitfield(8);
        peer.set(2);
        peer.set(3);
        assertThat(picker.anyToBegin(peer)).isTrue();

        picker.setHave(2);
        picker.setBegun(3, true);
        assertThat(picker.anyToBegin(peer)).as("had, begun").isFalse();

        picker.setBegun(3, false);
        picker.setPriority(3, PiecePicker.SKIP);
        assertThat(picker.anyToBegin(peer)).as("not wanted").isFalse();
        assertThat(picker.anyToBegin(seeder)).as("others the seeder has").isTrue();
    }

    @Test
    void lowestIndexWhenAllElseIsEqual() {
        picker.peerHasAll(seeder);

        assertThat(next()).isZero();
    }

    @Test
    void aDeadlineBeatsRarityAndTheEarliestDeadlineWins() {
        picker.peerHasAll(seeder);
        picker.setDeadline(6, 2_000);
        picker.setDeadline(7, 1_000);

        assertThat(next()).isEqualTo(7);
    }

    @Test
    void withoutADeadlinePieceToBeginThePeerHasTheOthersAreLookedAt() {
        Bitfield peer = new Bitfield(8);
        peer.set(1);
        peer.set(4);
        picker.peerHasAll(peer);
        picker.peerHas(1); // 4 is the rarer
        picker.setDeadline(6, 1_000); // the player waits for 6, which this peer lacks
        picker.setDeadline(1, 2_000);
        assertThat(picker.nextToBegin(peer).orElseThrow().piece())
                .as("the deadline it can give")
                .isEqualTo(1);

        picker.setBegun(1, true);
        assertThat(picker.nextToBegin(peer).orElseThrow().piece())
                .as("then rarest first")
                .isEqualTo(4);

        picker.clearDeadline(6);
        picker.clearDeadline(1);
        assertThat(picker.hasDeadlines()).isFalse();
    }

    @Test
    void higherFilePriorityBeatsRarity() {
        picker.peerHasAll(seeder);
        picker.peerHasAll(seeder);
        picker.peerHas(3); // 3 is the most common
        picker.raisePriority(3, PiecePicker.EDGE);

        assertThat(next()).isEqualTo(3);
    }

    @Test
    void skipsPiecesWeHaveOrDoNotWantOrThePeerLacks() {
        Bitfield peer = new Bitfield(8);
        peer.set(0);
        peer.set(1);
        peer.set(2);
        picker.peerHasAll(peer);
        picker.setHave(0);
        picker.setPriority(1, PiecePicker.SKIP);

        assertThat(picker.nextToBegin(peer).orElseThrow().piece()).isEqualTo(2);
        picker.setBegun(2, true);
        assertThat(picker.nextToBegin(peer)).isEmpty();
    }

    @Test
    void aBegunPieceComesBeforeANewOneButNotBeforeADeadline() {
        PieceOrder.Candidate begun = new PieceOrder.Candidate(4, PieceOrder.Candidate.NO_DEADLINE, true, 1, 9);
        PieceOrder.Candidate rarer = new PieceOrder.Candidate(1, PieceOrder.Candidate.NO_DEADLINE, false, 1, 1);
        PieceOrder.Candidate urgent = new PieceOrder.Candidate(7, 5_000, false, 1, 9);

        assertThat(PieceOrder.MOST_URGENT_FIRST.compare(begun, rarer)).isNegative();
        assertThat(PieceOrder.MOST_URGENT_FIRST.compare(urgent, begun)).isNegative();
    }

    @Test
    void isDoneWhenEveryWantedPieceIsHad() {
        for (int piece = 0; piece < 8; piece++) {
            picker.setPriority(piece, piece < 2 ? PiecePicker.NORMAL : PiecePicker.SKIP);
        }
        picker.setHave(0);
        assertThat(picker.isDone()).isFalse();
        picker.setHave(1);
        assertThat(picker.isDone()).isTrue();
    }

    @Test
    void wantsAnyOfSeesOnlyPiecesWeWantAndLack() {
        Bitfield peer = new Bitfield(8);
        peer.set(2);
        peer.set(3);
        assertThat(picker.wantsAnyOf(peer)).isTrue();

        picker.setHave(2);
        picker.setPriority(3, PiecePicker.SKIP);
        assertThat(picker.wantsAnyOf(peer)).as("one had, one not wanted").isFalse();

        picker.raisePriority(2, PiecePicker.EDGE);
        assertThat(picker.wantsAnyOf(peer))
                .as("a had piece stays had whatever its priority")
                .isFalse();
        picker.setPriority(3, PiecePicker.NORMAL);
        assertThat(picker.wantsAnyOf(peer)).as("wanted again").isTrue();
        assertThat(picker.wantsAnyOf(new Bitfield(8))).as("a peer with nothing").isFalse();
    }

    private int next() {
        return picker.nextToBegin(seeder).orElseThrow().piece();
    }

    private static Bitfield all(int count) {
        Bitfield bitfield = new Bitfield(count);
        for (int piece = 0; piece < count; piece++) {
            bitfield.set(piece);
        }
        return bitfield;
    }
}
