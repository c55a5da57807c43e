package com.hypertube.streaming.torrent;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one BitTorrent client of this service (torrent-lib), listening for peers on the configured port and
 * downloading under the download root. Torrents are shared: two viewers of one torrent use one handle.
 */
@Component
public class TorrentEngine implements DisposableBean {

    private final TorrentClient client;

    TorrentEngine(StreamingProperties properties, DownloadRoot downloadRoot) {
        try {
            this.client = TorrentClient.builder()
                    .port(properties.torrent().listenPort())
                    .downloadRoot(downloadRoot.path())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen for BitTorrent peers on port "
                            + properties.torrent().listenPort() + " (set TORRENT_PORT to a free one)",
                    e);
        }
    }

    /** Starts the torrent of this magnet, or returns the one already running. */
    public TorrentHandle start(MagnetLink magnet) {
        try {
            return client.add(magnet);
        } catch (MetainfoException e) {
            throw new IllegalStateException("a magnet has no metainfo to be wrong about", e);
        }
    }

    public Optional<TorrentHandle> find(InfoHash infoHash) {
        return client.find(infoHash);
    }

    public int port() {
        return client.port();
    }

    @Override
    public void destroy() {
        client.close();
    }
}
