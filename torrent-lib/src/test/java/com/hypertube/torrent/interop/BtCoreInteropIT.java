package com.hypertube.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import bt.Bt;
import bt.data.file.FileSystemStorage;
import bt.runtime.BtClient;
import bt.runtime.BtRuntime;
import bt.runtime.Config;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client downloading from a bt-core seeder (the Java library by atomashpolskiy) on 127.0.0.1. */
class BtCoreInteropIT {

    @TempDir
    Path temp;

    @Test
    void weDownloadAMultiFileTorrentFromABtCoreSeeder() throws Exception {
        Path seedRoot = Files.createDirectories(temp.resolve("bt"));
        Path content = Files.createDirectories(seedRoot.resolve("series"));
        byte[] first = random(1_500_001, 1);
        byte[] second = random(77_777, 2);
        Files.write(content.resolve("e01.mkv"), first);
        Files.write(content.resolve("e02.srt"), second);
        byte[] torrentBytes = TorrentCreator.create(content, List.of(), 49_152);
        Path torrent = Files.write(temp.resolve("series.torrent"), torrentBytes);
        int btPort = InteropIT.freePort();

        Config config = new Config();
        config.setAcceptorAddress(InetAddress.getLoopbackAddress());
        config.setAcceptorPort(btPort);
        config.setNumOfHashingThreads(1);
        config.setShutdownHookTimeout(Duration.ofSeconds(1));
        // No peer exchange, no local service discovery (multicast): loopback only.
        BtRuntime runtime = BtRuntime.builder(config)
                .disableStandardExtensions()
                .disableAutomaticShutdown()
                .build();
        BtClient seeder = Bt.client(runtime)
                .storage(new FileSystemStorage(seedRoot))
                .torrent(torrent.toUri().toURL())
                .build();
        seeder.startAsync();
        try (TorrentClient ours = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(temp.resolve("ours"))
                .build()) {
            TorrentHandle handle = ours.add(Metainfo.parse(torrentBytes));
            var done = handle.completion();
            handle.addPeers(List.of(new PeerAddress("127.0.0.1", btPort)));

            assertThat(done).as("downloaded from bt-core").succeedsWithin(Duration.ofSeconds(60));
        } finally {
            seeder.stop();
            runtime.shutdown();
        }
        assertThat(Files.readAllBytes(temp.resolve("ours/series/e01.mkv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(temp.resolve("ours/series/e02.srt"))).isEqualTo(second);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
