package com.hypertube.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetainfoTest {

    @TempDir
    Path temp;

    @Test
    void readsAHybridTorrentMadeByLibtorrentWithoutShowingItsPaddingFiles() throws Exception {
        // Made by libtorrent 2.0.8 (hybrid v1+v2 with BEP 47 pad files) from three files, 16 KiB pieces.
        Metainfo metainfo = Metainfo.parse(HostileTorrentsTest.resource("torrents/libtorrent-hybrid.torrent"));
        TorrentInfo info = metainfo.info();

        assertThat(metainfo.infoHash().hex()).isEqualTo("49d6eb1a32cb1885e58f26d9c9684a2e2040c211");
        assertThat(info.files())
                .extracting(TorrentFile::displayPath, TorrentFile::length)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("album/a.bin", 100_000L),
                        org.assertj.core.groups.Tuple.tuple("album/disc/b.bin", 40_000L),
                        org.assertj.core.groups.Tuple.tuple("album/c.txt", 6L));
        assertThat(info.files()).extracting(TorrentFile::index).containsExactly(0, 1, 2);
        assertThat(info.layout()).hasSizeGreaterThan(3).anyMatch(TorrentFile::padding);
        // Padding keeps every real file on a piece boundary, as v2 requires.
        assertThat(info.files()).allMatch(file -> file.offset() % info.pieceLength() == 0);
        assertThat(info.totalLength()).isEqualTo(180_224);
        assertThat(info.pieceCount()).isEqualTo(11);
        assertThat(metainfo.trackers()).containsExactly(URI.create("http://192.0.2.1:6969/announce"));
    }

    @Test
    void theInfoHashIsTheSha1OfTheExactInfoBytes() throws Exception {
        Path file = Files.write(temp.resolve("movie.mp4"), randomBytes(50_000, 1));
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(file, List.of(), 16_384));

        byte[] expected = MessageDigest.getInstance("SHA-1").digest(metainfo.rawInfo());

        assertThat(metainfo.infoHash().bytes()).isEqualTo(expected);
    }

    @Test
    void createsATorrentWhosePieceHashesMatchTheData() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("show/season 1"));
        byte[] first = randomBytes(30_000, 2);
        byte[] second = randomBytes(5_000, 3);
        Files.write(folder.resolve("e01.mkv"), first);
        Files.write(folder.resolve("e02.mkv"), second);

        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(
                temp.resolve("show"), List.of(URI.create("udp://192.0.2.7:1337/announce")), 16_384));
        TorrentInfo info = metainfo.info();

        assertThat(info.name()).isEqualTo("show");
        assertThat(info.files())
                .extracting(TorrentFile::displayPath, TorrentFile::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("show/season 1/e01.mkv", 0L),
                        org.assertj.core.groups.Tuple.tuple("show/season 1/e02.mkv", 30_000L));
        byte[] stream = new byte[35_000];
        System.arraycopy(first, 0, stream, 0, 30_000);
        System.arraycopy(second, 0, stream, 30_000, 5_000);
        for (int piece = 0; piece < info.pieceCount(); piece++) {
            byte[] data = java.util.Arrays.copyOfRange(
                    stream, (int) info.pieceOffset(piece), (int) info.pieceOffset(piece) + info.pieceLength(piece));
            assertThat(MessageDigest.getInstance("SHA-1").digest(data)).isEqualTo(info.pieceHash(piece));
        }
        assertThat(info.pieceLength(2)).isEqualTo(35_000 - 2 * 16_384);
        assertThat(metainfo.trackerTiers()).containsExactly(List.of(URI.create("udp://192.0.2.7:1337/announce")));
    }

    @Test
    void choosesAPieceLengthThatGivesAManageableNumberOfPieces() {
        assertThat(TorrentCreator.pieceLengthFor(1_000)).isEqualTo(16_384);
        assertThat(TorrentCreator.pieceLengthFor(1L << 30)).isEqualTo(1L << 20);
        assertThat(TorrentCreator.pieceLengthFor(1L << 40)).isEqualTo(16L << 20);
    }

    @Test
    void firstAndLastPiecesOfAFile() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("pack"));
        Files.write(folder.resolve("a"), randomBytes(20_000, 4));
        Files.write(folder.resolve("b"), randomBytes(20_000, 5));
        TorrentInfo info =
                Metainfo.parse(TorrentCreator.create(folder, List.of(), 16_384)).info();

        TorrentFile b = info.files().get(1);

        assertThat(info.firstPieceOf(b)).isEqualTo(1);
        assertThat(info.lastPieceOf(b)).isEqualTo(2);
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
