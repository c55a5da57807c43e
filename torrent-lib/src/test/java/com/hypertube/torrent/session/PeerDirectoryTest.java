package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.peer.PeerAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A torrent remembers a bounded number of peers: the worst and the oldest are forgotten first. */
@org.junit.jupiter.api.Tag("security")
class PeerDirectoryTest {

    @Test
    void aFloodOfAddressesIsCutToTheCapacityKeepingTheNewest() {
        PeerDirectory directory = new PeerDirectory(2_000);

        directory.learn(addresses(0, 10_000));

        assertThat(directory.size()).isEqualTo(2_000);
        assertThat(directory.knows(address(9_999))).isTrue();
        assertThat(directory.knows(address(8_000))).isTrue();
        assertThat(directory.knows(address(7_999))).isFalse();
    }

    @Test
    void thoseThatFailedMostGoFirstThenTheLongestKnown() {
        PeerDirectory directory = new PeerDirectory(3);
        directory.learn(addresses(0, 3));
        directory.toDial(Set.of(), 10, 0, false);
        directory.dialFailed(address(2), 0); // the newest, but unreachable
        directory.dialFailed(address(1), 0);
        directory.dialFailed(address(1), 0); // twice: the worst

        directory.learn(addresses(3, 5));

        assertThat(directory.knows(address(1))).isFalse();
        assertThat(directory.knows(address(2))).isFalse();
        assertThat(directory.knows(address(0))).isTrue();
        assertThat(directory.size()).isEqualTo(3);
    }

    @Test
    void anAddressLearnedAgainCountsAsNewAndPeersConnectedOrBeingDialledAreKept() {
        PeerDirectory directory = new PeerDirectory(3);
        directory.learn(addresses(0, 3));
        directory.toDial(Set.of(), 1, 0, false); // address 0 is being dialled
        directory.learn(List.of(address(1))); // 1 listed again by a tracker

        directory.learn(addresses(10, 12));

        assertThat(directory.knows(address(0))).as("being dialled").isTrue();
        assertThat(directory.knows(address(1))).as("learned again").isFalse();
        assertThat(directory.knows(address(2))).isFalse();
        assertThat(directory.size()).isEqualTo(3);
    }

    @Test
    void aCompleteTorrentDoesNotDialSeeds() {
        PeerDirectory directory = new PeerDirectory(10);
        directory.learn(addresses(0, 2));
        directory.connected(address(0));
        directory.isSeed(address(0));
        directory.left(address(0), 0);

        assertThat(directory.toDial(Set.of(), 10, 60_000, true)).containsExactly(address(1));
        directory.notDialling(address(1));
        assertThat(directory.toDial(Set.of(), 10, 60_000, false)).contains(address(0));
    }

    private static List<PeerAddress> addresses(int from, int to) {
        return IntStream.range(from, to).mapToObj(PeerDirectoryTest::address).toList();
    }

    private static PeerAddress address(int n) {
        return new PeerAddress("10.0." + (n / 250) + "." + (n % 250 + 1), 6881);
    }
}
