package com.hypertube.streaming.torrent;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.storage.DownloadRoot;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one BitTorrent client of this service (torrent-lib), listening for peers on the configured port and
 * downloading under the download root. Torrents are shared: two viewers of one torrent use one handle.
 */
@Component
public class TorrentEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TorrentEngine.class);

    private final TorrentClient client;
    private final SavedTorrents saved;

    TorrentEngine(StreamingProperties properties, DownloadRoot downloadRoot) {
        this.saved = new SavedTorrents(downloadRoot.path());
        try {
            TorrentClient.Builder builder = TorrentClient.builder()
                    .port(properties.torrent().listenPort())
                    .uploadLimit(properties.torrent().uploadLimit())
                    .downloadRoot(downloadRoot.path())
                    // <root>/<info hash>/…: two torrents with files of the same name never share them.
                    .folderPerTorrent();
            this.client = trackerRules(builder, properties.torrent(), properties.sources())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen for BitTorrent peers on port "
                            + properties.torrent().listenPort() + " (set TORRENT_PORT to a free one)",
                    e);
        }
    }

    /** Forgets a torrent's saved info (its data is gone): a later play fetches the metadata again. */
    public void forgetSaved(String infoHash) {
        saved.forget(InfoHash.fromHex(infoHash));
    }

    /**
     * Where trackers may be. A magnet's {@code tr=} (or a .torrent's, or source-service's, which come from
     * providers) is anyone's to write: trackers on our own network only when allowed. The default trackers are
     * the administrator's own choice ({@code TORRENT_DEFAULT_TRACKERS}): each of those announce URLs is reached
     * wherever it is, a tracker on the LAN included, without opening the LAN to everyone else's.
     */
    static TorrentClient.Builder trackerRules(
            TorrentClient.Builder builder, StreamingProperties.Torrent torrent, StreamingProperties.Sources sources) {
        return builder.trackerAddresses(trackerAddresses(torrent)).trustedTrackers(sources.defaultTrackers());
    }

    static AddressPolicy trackerAddresses(StreamingProperties.Torrent settings) {
        AddressPolicy policy = AddressPolicy.publicOnly();
        if (settings.allowPrivateAddresses()) {
            policy = policy.allowingPrivate();
        }
        return policy.allowing(settings.allowedTrackerNetworks().toArray(String[]::new));
    }

    /**
     * Starts the torrent of this magnet, or returns the one already running. A torrent whose info was
     * saved before starts from it, so its data on disk is verified and served without waiting for peers.
     */
    public TorrentHandle start(MagnetLink magnet) {
        Optional<TorrentHandle> running = client.find(magnet.infoHash());
        if (running.isPresent()) {
            // Pressing play again after a cancel brings a paused torrent back, and retries a failed one.
            com.hypertube.torrent.session.TorrentState state = running.get().state();
            if (state == com.hypertube.torrent.session.TorrentState.PAUSED
                    || state == com.hypertube.torrent.session.TorrentState.FAILED) {
                running.get().resume();
            }
            running.get().addPeers(magnet.peers()); // a second viewer may know peers the first did not
            return running.get();
        }
        Optional<TorrentHandle> restored = restore(magnet.infoHash(), magnet.trackers(), magnet.peers());
        if (restored.isPresent()) {
            return restored.get();
        }
        try {
            TorrentHandle torrent = client.add(magnet);
            torrent.metadata()
                    .thenRun(() -> torrent.infoBytes().ifPresent(info -> saved.save(magnet.infoHash(), info)));
            return torrent;
        } catch (MetainfoException e) {
            throw new IllegalStateException("a magnet has no metainfo to be wrong about", e);
        }
    }

    /** Keeps an uploaded torrent's info, so that its job starts from it rather than from peers. */
    public void remember(Metainfo metainfo) {
        saved.save(metainfo.infoHash(), metainfo.rawInfo());
    }

    /** Whether this torrent's info is saved (from an upload or a finished metadata fetch). */
    public boolean isSaved(InfoHash infoHash) {
        return saved.load(infoHash).isPresent();
    }

    /** The torrent if it runs now (never restarts a saved one). */
    public Optional<TorrentHandle> running(InfoHash infoHash) {
        return client.find(infoHash);
    }

    /** The running torrent, or else one whose info was saved (after a restart, say), started again. */
    public Optional<TorrentHandle> find(InfoHash infoHash) {
        return client.find(infoHash).or(() -> restore(infoHash, List.of(), List.of()));
    }

    private synchronized Optional<TorrentHandle> restore(
            InfoHash infoHash, List<URI> trackers, List<PeerAddress> peers) {
        Optional<byte[]> info = saved.load(infoHash);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        try {
            TorrentHandle torrent = client.add(Metainfo.fromInfo(
                    info.get(), trackers.stream().map(List::of).toList()));
            torrent.addPeers(peers);
            return Optional.of(torrent);
        } catch (MetainfoException e) {
            log.warn("The saved info of {} is unusable; it will be fetched from peers again", infoHash, e);
            saved.forget(infoHash);
            return Optional.empty();
        }
    }

    /** Every torrent the engine runs now. */
    public List<TorrentHandle> torrents() {
        return client.torrents();
    }

    public int port() {
        return client.port();
    }

    @Override
    public void destroy() {
        client.close();
    }
}
