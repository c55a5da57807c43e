package com.hypertube.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.metainfo.TorrentInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    @TempDir
    Path temp;

    @Test
    void writesAcrossFileBoundariesAndReadsBack() throws Exception {
        TorrentInfo info = folderTorrent(new int[] {10_000, 0, 7, 30_000});
        byte[] stream = random(40_007, 9);
        try (FileStorage storage = new FileStorage(temp.resolve("downloads"), info)) {
            // A write that spans the first file, the empty one, the 7-byte one and into the last.
            storage.write(0, stream, 0, 12_000);
            storage.write(12_000, stream, 12_000, stream.length - 12_000);

            byte[] back = new byte[stream.length];
            storage.read(0, back, 0, back.length);
            assertThat(back).isEqualTo(stream);
        }
        Path pack = temp.resolve("downloads/pack");
        assertThat(Files.readAllBytes(pack.resolve("f0"))).hasSize(10_000);
        assertThat(Files.readAllBytes(pack.resolve("f2"))).hasSize(7);
        assertThat(Files.readAllBytes(pack.resolve("f3"))).hasSize(30_000);
    }

    @Test
    void createsFilesOnlyWhenWrittenAndReadsUnwrittenBytesAsZeros() throws Exception {
        TorrentInfo info = folderTorrent(new int[] {1_000, 1_000});
        try (FileStorage storage = new FileStorage(temp.resolve("downloads"), info)) {
            storage.write(1_500, new byte[] {1, 2, 3}, 0, 3);

            byte[] back = new byte[2_000];
            storage.read(0, back, 0, 2_000);

            assertThat(Files.exists(temp.resolve("downloads/pack/f0"))).isFalse();
            assertThat(back[1_500]).isEqualTo((byte) 1);
            assertThat(back[0]).isZero();
            assertThat(storage.mayHoldData(0, 2_000)).isFalse();
            assertThat(storage.mayHoldData(1_000, 503)).isTrue();
        }
    }

    @Test
    void neverWritesPaddingFiles() throws Exception {
        // libtorrent's hybrid torrent: three files and padding between them.
        TorrentInfo info;
        try (InputStream in = getClass().getResourceAsStream("/torrents/libtorrent-hybrid.torrent")) {
            info = Metainfo.parse(in.readAllBytes()).info();
        }
        byte[] all = new byte[(int) info.totalLength()];
        try (FileStorage storage = new FileStorage(temp.resolve("downloads"), info)) {
            storage.write(0, all, 0, all.length);
        }
        try (Stream<Path> files = Files.walk(temp.resolve("downloads"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.bin", "b.bin", "c.txt");
        }
    }

    @Test
    void memoryStorageBehavesLikeFiles() throws Exception {
        byte[] stream = random(3_000_000, 4);
        try (MemoryStorage storage = new MemoryStorage(stream.length)) {
            storage.write(2_100_000, stream, 2_100_000, 900_000);
            assertThat(storage.mayHoldData(0, 10)).isFalse();
            storage.write(0, stream, 0, 2_100_000);

            byte[] back = new byte[stream.length];
            storage.read(0, back, 0, back.length);

            assertThat(back).isEqualTo(stream);
            assertThat(storage.mayHoldData(0, stream.length)).isTrue();
        }
    }

    private TorrentInfo folderTorrent(int[] sizes) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("source/pack"));
        for (int i = 0; i < sizes.length; i++) {
            Files.write(folder.resolve("f" + i), random(sizes[i], i));
        }
        try {
            return Metainfo.parse(TorrentCreator.create(folder, List.of(), 16_384))
                    .info();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
