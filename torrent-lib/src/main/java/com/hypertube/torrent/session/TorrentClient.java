package com.hypertube.torrent.session;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.storage.FileStorage;
import com.hypertube.torrent.storage.MemoryStorage;
import com.hypertube.torrent.storage.Storage;
import com.hypertube.torrent.time.TimeSource;
import com.hypertube.torrent.tracker.Announcer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A BitTorrent client: it listens for peers on one port and runs any number of torrents, each added
 * from a .torrent or a magnet link and steered through its {@link TorrentHandle}.
 *
 * {@snippet class="com.hypertube.torrent.session.TorrentClientExample" region="stream"}
 *
 * <p>(The example is a class of the tests, compiled with them: one calling a method the API does not have
 * fails the build.)
 */
public final class TorrentClient implements AutoCloseable {

    /** The largest pieces a client accepts unless told otherwise. */
    public static final long DEFAULT_MAX_PIECE_LENGTH = 32L * 1024 * 1024;

    /** The memory all torrents' pieces in flight may take together unless told otherwise. */
    public static final long DEFAULT_PIECE_MEMORY_BUDGET = 64L * 1024 * 1024;

    /** The memory all magnets' metadata being fetched may take together unless told otherwise. */
    public static final long DEFAULT_METADATA_MEMORY_BUDGET = 32L * 1024 * 1024;

    /** The peer addresses a torrent remembers unless told otherwise. */
    public static final int DEFAULT_MAX_KNOWN_PEERS = 2_000;

    private final Path downloadRoot;
    private final boolean inMemory;
    private final boolean folderPerTorrent;
    private final Function<TorrentInfo, Storage> storageFactory;
    private final SessionSettings settings;
    private final TimeSource time;
    private final byte[] peerId;
    private final UploadLimit uploadLimit;
    private final AddressPolicy trackerAddresses;
    private final Set<URI> trustedTrackers;
    private final ServerSocket server;
    private final Map<InfoHash, TorrentHandle> torrents = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private TorrentClient(Builder builder) throws IOException {
        TorrentSession.sha1(); // the provider lookup: fails here, at once, on a runtime without SHA-1
        ColdStart.warmUpInBackground();
        this.downloadRoot = builder.downloadRoot;
        this.inMemory = builder.inMemory;
        this.storageFactory = builder.storage;
        this.folderPerTorrent = builder.folderPerTorrent;
        this.time = builder.time;
        this.peerId = newPeerId();
        this.uploadLimit = new UploadLimit(builder.uploadBytesPerSecond, builder.time, Thread::sleep);
        this.trackerAddresses = builder.trackerAddresses;
        this.trustedTrackers = Set.copyOf(builder.trustedTrackers);
        if (builder.port >= 0) {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(builder.bindAddress, builder.port));
            Thread.ofVirtual()
                    .name("torrent-accept-" + server.getLocalPort())
                    .start(() -> PeerLinks.accept(server, () -> closed, torrents::get));
        } else {
            server = null;
        }
        this.settings = new SessionSettings(
                builder.maxPeersPerTorrent,
                builder.uploadSlots,
                Math.max(0, port()),
                builder.maxPieceLength,
                new MemoryBudget("piece buffers", builder.pieceMemoryBudget),
                new MemoryBudget("metadata", builder.metadataMemoryBudget),
                builder.maxKnownPeers);
        Thread.ofVirtual().name("torrent-ticker").start(this::tickEverySecond);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port peers reach us on, or -1 when the client does not listen. */
    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    /** Adds a torrent whose metainfo we have; the same torrent twice gives the same handle. */
    public TorrentHandle add(Metainfo metainfo) throws MetainfoException {
        return add(metainfo.infoHash(), metainfo.rawInfo(), metainfo.trackerTiers(), List.of());
    }

    /** Adds a torrent known by a magnet link; its metadata comes from peers (BEP 9). */
    public TorrentHandle add(MagnetLink magnet) throws MetainfoException {
        // A magnet's trackers have no tiers: each is a tier of its own, tried in order.
        return add(
                magnet.infoHash(),
                null,
                magnet.trackers().stream().map(List::of).toList(),
                magnet.peers());
    }

    private synchronized TorrentHandle add(
            InfoHash infoHash, byte[] rawInfo, List<List<URI>> trackers, List<PeerAddress> peers)
            throws MetainfoException {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        TorrentHandle existing = torrents.get(infoHash);
        if (existing != null) {
            existing.addPeers(peers);
            return existing;
        }
        Path root = folderPerTorrent ? downloadRoot.resolve(infoHash.hex()) : downloadRoot;
        TorrentSession session = new TorrentSession(
                infoHash,
                rawInfo,
                peerId,
                settings,
                time,
                storageFactory != null
                        ? storageFactory::apply
                        : info -> inMemory ? new MemoryStorage(info.totalLength()) : new FileStorage(root, info),
                PeerLinks::dial,
                uploadLimit);
        Announcer announcer = trackers.isEmpty()
                ? null
                : new Announcer(session, trackers, peerId, this::port, time, this::addressesFor);
        TorrentHandle handle =
                new TorrentHandle(session, announcer, inMemory ? null : root, () -> torrents.remove(infoHash));
        torrents.put(infoHash, handle);
        session.start();
        if (announcer != null) {
            announcer.start();
        }
        session.addPeers(peers);
        return handle;
    }

    // Trust is per announce URL, not per host: a magnet naming another port or path of a trusted host gets none.
    private AddressPolicy addressesFor(URI tracker) {
        return tracker.getHost() != null && trustedTrackers.contains(tracker)
                ? trackerAddresses.trustingHost(tracker.getHost())
                : trackerAddresses;
    }

    /** The client's budget for piece buffers: tests read how much was ever held at once. */
    MemoryBudget pieceMemory() {
        return settings.pieceMemory();
    }

    /** The client's budget for magnets' metadata. */
    MemoryBudget metadataMemory() {
        return settings.metadataMemory();
    }

    public Optional<TorrentHandle> find(InfoHash infoHash) {
        return Optional.ofNullable(torrents.get(infoHash));
    }

    public List<TorrentHandle> torrents() {
        return List.copyOf(torrents.values());
    }

    @Override
    public void close() {
        closed = true;
        torrents.values().forEach(TorrentHandle::stop);
        torrents.clear();
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void tickEverySecond() {
        while (!closed) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            Housekeeping.tickEach(torrents.values());
        }
    }

    // Azureus-style: "-HT0001-" then 12 random bytes.
    private static byte[] newPeerId() {
        byte[] id = new byte[20];
        byte[] prefix = "-HT0001-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        for (int i = 0; i < 12; i++) {
            id[8 + i] = (byte) ('0' + Math.floorMod(random[i], 10));
        }
        return id;
    }

    /** How a client is set up; every setting has a default. */
    public static final class Builder {
        private int port = 6881;
        private InetAddress bindAddress = null;
        private Path downloadRoot = Path.of("downloads");
        private boolean inMemory;
        private boolean folderPerTorrent;
        private int maxPeersPerTorrent = 50;
        private long maxPieceLength = DEFAULT_MAX_PIECE_LENGTH;
        private long pieceMemoryBudget = DEFAULT_PIECE_MEMORY_BUDGET;
        private long metadataMemoryBudget = DEFAULT_METADATA_MEMORY_BUDGET;
        private int maxKnownPeers = DEFAULT_MAX_KNOWN_PEERS;
        private int uploadSlots = 8;
        private TimeSource time = TimeSource.SYSTEM;
        private long uploadBytesPerSecond;
        private Function<TorrentInfo, Storage> storage;
        private AddressPolicy trackerAddresses = AddressPolicy.publicOnly();
        private Set<URI> trustedTrackers = Set.of();

        /** The port to listen on for peers: 0 for any free one, -1 not to listen. Default 6881. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on; default all. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** Where torrents are downloaded; nothing is written outside it. */
        public Builder downloadRoot(Path root) {
            this.downloadRoot = root;
            return this;
        }

        /**
         * A storage back-end of one's own for each torrent, instead of files under the download root (tests use
         * one that fails on demand).
         */
        public Builder storage(Function<TorrentInfo, Storage> factory) {
            this.storage = factory;
            return this;
        }

        /**
         * Each torrent's files in a folder of its own, named after its info hash ({@code <root>/<hex>/…}),
         * instead of straight under the root as most clients do: two torrents whose files have the same
         * names (two releases of one film, say) then never write into, or serve, each other's data.
         */
        public Builder folderPerTorrent() {
            this.folderPerTorrent = true;
            return this;
        }

        /** Keeps torrents' data in memory instead of files: for tests. */
        public Builder inMemoryStorage() {
            this.inMemory = true;
            return this;
        }

        /**
         * Torrents whose pieces are larger are refused (a .torrent when added, a magnet when its metadata
         * arrives: it fails with the reason). Default 32 MiB: the metainfo format allows 256 MiB, and each piece
         * in flight is held whole in memory.
         */
        public Builder maxPieceLength(long bytes) {
            if (bytes < 16 * 1024) {
                throw new IllegalArgumentException("pieces are at least 16 KiB: " + bytes);
            }
            this.maxPieceLength = bytes;
            return this;
        }

        /**
         * The most memory the buffers of pieces in flight may take, all torrents together (default 64 MiB). A
         * piece is not begun while its buffer would not fit; it is begun once other pieces are done. At least
         * {@link #maxPieceLength(long)}, so that a piece of any accepted torrent fits.
         */
        public Builder pieceMemoryBudget(long bytes) {
            this.pieceMemoryBudget = bytes;
            return this;
        }

        /**
         * The most memory the metadata of magnets still fetching it may take together (default 32 MiB; a
         * peer may announce up to 16 MiB for one). A magnet without room waits until another's metadata is
         * complete, or that magnet is removed.
         */
        public Builder metadataMemoryBudget(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("a metadata budget must be positive: " + bytes);
            }
            this.metadataMemoryBudget = bytes;
            return this;
        }

        /**
         * The most peer addresses a torrent remembers, from trackers, peers and magnets (default 2,000); beyond,
         * those that failed most, then the longest known, are forgotten.
         */
        public Builder maxKnownPeers(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("a torrent must remember at least one peer: " + max);
            }
            this.maxKnownPeers = max;
            return this;
        }

        public Builder maxPeersPerTorrent(int max) {
            this.maxPeersPerTorrent = max;
            return this;
        }

        public Builder uploadSlots(int slots) {
            this.uploadSlots = slots;
            return this;
        }

        /** The most bytes per second all torrents upload together; 0 (the default) for no limit. */
        public Builder uploadLimit(long bytesPerSecond) {
            this.uploadBytesPerSecond = Math.max(0, bytesPerSecond);
            return this;
        }

        /**
         * Where trackers may be: {@link AddressPolicy#publicOnly()} by default, since a magnet's {@code tr=}
         * is anyone's to write and would otherwise make us send requests to internal services. Loopback and
         * private trackers need {@code AddressPolicy.publicOnly().allowingPrivate()}, or {@code .allowing(cidr)}.
         */
        public Builder trackerAddresses(AddressPolicy policy) {
            this.trackerAddresses = java.util.Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Announce URLs the operator chose (default trackers added to torrents that have none): each is reached
         * wherever its host resolves, the {@link #trackerAddresses(AddressPolicy) address rules} being for the
         * trackers strangers name. Only these exact URLs are trusted: a magnet naming another port or path of
         * the same host gets the rules, and so does another host a trusted tracker redirects to.
         */
        public Builder trustedTrackers(Collection<URI> announceUrls) {
            this.trustedTrackers = Set.copyOf(announceUrls);
            return this;
        }

        public Builder timeSource(TimeSource time) {
            this.time = time;
            return this;
        }

        public TorrentClient build() throws IOException {
            if (pieceMemoryBudget < maxPieceLength) {
                throw new IllegalArgumentException("a piece memory budget of " + pieceMemoryBudget
                        + " bytes cannot hold one piece of the " + maxPieceLength + " bytes accepted");
            }
            return new TorrentClient(this);
        }
    }
}
