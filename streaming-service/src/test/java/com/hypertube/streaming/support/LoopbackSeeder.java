package com.hypertube.streaming.support;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentCreator;
import com.hypertube.torrent.session.TorrentClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A torrent-lib seeder on 127.0.0.1 for one file of random bytes (new each run, so that nothing comes from
 * an earlier run's download folder).
 */
public final class LoopbackSeeder implements AutoCloseable {

    private final TorrentClient client;
    private final Metainfo metainfo;
    private final byte[] content;

    private LoopbackSeeder(TorrentClient client, Metainfo metainfo, byte[] content) {
        this.client = client;
        this.metainfo = metainfo;
        this.content = content;
    }

    public static LoopbackSeeder of(String fileName, int size, int pieceLength) throws IOException, MetainfoException {
        Path root = Files.createTempDirectory("seeder");
        byte[] content = new byte[size];
        new Random().nextBytes(content);
        Files.write(root.resolve(fileName), content);
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve(fileName), List.of(), pieceLength));
        TorrentClient client = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build();
        client.add(metainfo);
        return new LoopbackSeeder(client, metainfo, content);
    }

    /** A seeder for a copy of an existing file (a generated clip), named as given in the torrent. */
    public static LoopbackSeeder ofFile(Path source, String fileName, int pieceLength)
            throws IOException, MetainfoException {
        Path root = Files.createTempDirectory("seeder");
        Files.copy(source, root.resolve(fileName));
        Metainfo metainfo = Metainfo.parse(TorrentCreator.create(root.resolve(fileName), List.of(), pieceLength));
        TorrentClient client = TorrentClient.builder()
                .port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .downloadRoot(root)
                .build();
        client.add(metainfo);
        return new LoopbackSeeder(client, metainfo, Files.readAllBytes(source));
    }

    public Metainfo metainfo() {
        return metainfo;
    }

    public String infoHash() {
        return metainfo.infoHash().hex();
    }

    public byte[] content() {
        return content.clone();
    }

    /** The port the seeder takes peers on (127.0.0.1). */
    public int port() {
        return client.port();
    }

    /** A magnet link that names this seeder as a peer. */
    public String magnet() {
        return "magnet:?xt=urn:btih:" + infoHash() + "&x.pe=127.0.0.1:" + client.port();
    }

    @Override
    public void close() {
        client.close();
    }
}
