package com.hypertube.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata of all pending magnets together stays within the client's budget; a magnet without room waits. */
@org.junit.jupiter.api.Tag("security")
class MetadataBudgetTest {

    @TempDir
    Path temp;

    @Test
    void aSecondMagnetWaitsForRoomAndStartsWhenTheFirstsMetadataIsComplete() throws Exception {
        byte[] first = rawInfo("a", 40_000);
        byte[] second = rawInfo("b", 40_000);
        MemoryBudget budget = new MemoryBudget("metadata", first.length + second.length - 1);
        MetadataFetch a = new MetadataFetch(Metainfo.fromInfo(first, List.of()).infoHash(), budget);
        MetadataFetch b = new MetadataFetch(Metainfo.fromInfo(second, List.of()).infoHash(), budget);
        Object peer = new Object();

        a.sizeAnnounced(first.length);
        b.sizeAnnounced(second.length);

        assertThat(a.started()).isTrue();
        assertThat(b.started()).as("no room: waits").isFalse();
        assertThat(b.nextToAsk(peer, 0)).as("asks nobody meanwhile").isEqualTo(-1);
        assertThat(feed(a, first, peer)).isEqualTo(first);
        assertThat(budget.used()).isZero();
        assertThat(b.nextToAsk(peer, 0)).as("room now").isZero();
        assertThat(feed(b, second, peer)).isEqualTo(second);
        assertThat(budget.peak()).isLessThanOrEqualTo(budget.limit());
    }

    @Test
    void aRemovedMagnetGivesItsMetadataMemoryBack() throws Exception {
        byte[] info = rawInfo("c", 20_000);
        MemoryBudget budget = new MemoryBudget("metadata", 1 << 20);
        MetadataFetch fetch =
                new MetadataFetch(Metainfo.fromInfo(info, List.of()).infoHash(), budget);
        fetch.sizeAnnounced(info.length);
        assertThat(budget.used()).isEqualTo(info.length);

        fetch.release();

        assertThat(budget.used()).isZero();
        assertThat(fetch.started()).isFalse();
    }

    @Test
    void aSizeOverTheWholeBudgetIsIgnoredAndAnotherPeersAwaited() throws Exception {
        byte[] info = rawInfo("d", 20_000);
        MemoryBudget budget = new MemoryBudget("metadata", 64 * 1024);
        MetadataFetch fetch =
                new MetadataFetch(Metainfo.fromInfo(info, List.of()).infoHash(), budget);

        fetch.sizeAnnounced(MetadataMessage.MAX_METADATA_SIZE); // a peer's word, more than we would ever hold
        assertThat(fetch.started()).isFalse();
        fetch.sizeAnnounced(info.length);

        assertThat(fetch.started()).isTrue();
        assertThat(budget.used()).isEqualTo(info.length);
    }

    private static byte[] feed(MetadataFetch fetch, byte[] info, Object peer) {
        byte[] complete = null;
        int piece;
        long now = 0;
        // Each ask later than the last by more than the re-ask time: a piece asked before is asked again.
        while (complete == null && (piece = fetch.nextToAsk(peer, now += 60_000)) >= 0) {
            int offset = piece * MetadataMessage.PIECE_SIZE;
            complete = fetch.accept(
                    piece,
                    Arrays.copyOfRange(info, offset, Math.min(info.length, offset + MetadataMessage.PIECE_SIZE)));
        }
        return complete;
    }

    /** An info dictionary of a torrent with many small pieces: about 20 bytes of metadata per piece. */
    private byte[] rawInfo(String name, int metadataBytes) throws Exception {
        Path file = Files.write(temp.resolve(name), SwarmTest.random(metadataBytes / 20 * 16_384, name.hashCode()));
        return Metainfo.parse(TorrentCreator.create(file, List.of(), 16_384)).rawInfo();
    }
}
