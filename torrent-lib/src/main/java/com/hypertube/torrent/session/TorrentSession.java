package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.Handshake;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerConnection;
import com.hypertube.torrent.picker.PiecePicker;
import com.hypertube.torrent.storage.Storage;
import com.hypertube.torrent.stream.PieceSource;
import com.hypertube.torrent.time.TimeSource;
import com.hypertube.torrent.tracker.AnnounceTarget;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One torrent's engine: the torrent's state (peers, pieces in flight, what we have), what the handle asks,
 * and the once-a-second housekeeping. The work on that state is cut along its seams, each part a class of its
 * own: {@link SessionLifecycle} (the state machine: metadata, check, pause, resume, failure, stop), {@link
 * PeerMessageDispatch} (a peer's messages, on the peer's virtual thread), {@link PieceFlow} (blocks in,
 * pieces verified and stored, readers' windows and waits), {@link SessionStatus} (the figures reported).
 *
 * <p>Why one monitor, this object's, for all of them: peers, pieces in flight, what we have and the readers'
 * windows form one state, and almost every peer message reads and changes several of those at once; one lock
 * keeps every such change atomic without an order of locks to get wrong. The parts take it as {@code
 * synchronized (session)}, or are called with it held (their Javadoc says which). It is never held across disk
 * or network I/O (sending only queues), and listeners are never called under it. Readers of the stream API
 * wait on it for pieces to be verified.
 */
final class TorrentSession implements PieceSource, AnnounceTarget {

    private static final Logger log = Logger.getLogger(TorrentSession.class.getName());

    /** Peers drop a link silent for two minutes: we say something well before. */
    static final java.time.Duration KEEP_ALIVE_AFTER = java.time.Duration.ofSeconds(90);

    /** A peer whose pieces failed the hash check this often is dropped. */
    static final int MAX_STRIKES = 3;

    /**
     * What a magnet without its metadata announces as left: not 0, which tells the tracker we are a seed
     * (it then counts us as one and may leave seeds out of its answer). libtorrent says 16 KiB likewise.
     */
    static final long LEFT_UNKNOWN = 16 * 1024;

    final InfoHash infoHash;
    final byte[] peerId;
    final SessionSettings settings;
    final TimeSource time;
    final UploadLimit uploadLimit;
    private final PeerDialer dialer;
    private final List<Consumer<TorrentEvent>> listeners = new CopyOnWriteArrayList<>();
    final CompletableFuture<TorrentInfo> metadata = new CompletableFuture<>();

    // The torrent's state, guarded by this object's monitor (the volatile ones are read without it as well).
    volatile TorrentInfo info; // written under the monitor; read without it by info()
    byte[] rawInfo;
    Storage storage;
    PiecePicker picker;
    Bitfield have;
    RequestScheduler requests;
    Set<Integer> selectedFiles;
    final MetadataExchange metadataExchange;
    final Choker choker;
    final Map<PeerAddress, Peer> peers = new LinkedHashMap<>();
    final PeerDirectory directory;
    final StreamDeadlines deadlines = new StreamDeadlines();
    final RateMeter downloaded = new RateMeter();
    final RateMeter uploaded = new RateMeter();
    private long lastRechoke;
    boolean completedHere; // the download finished in this session: trackers are told "completed"

    final PeerMessageDispatch dispatch = new PeerMessageDispatch(this);
    final PieceFlow pieces = new PieceFlow(this);
    private final SessionStatus status = new SessionStatus(this);
    final SessionLifecycle lifecycle;

    interface StorageOpener {
        Storage open(TorrentInfo info) throws IOException;
    }

    interface PeerDialer {
        void dial(TorrentSession session, PeerAddress address);
    }

    TorrentSession(
            InfoHash infoHash,
            byte[] rawInfo,
            byte[] peerId,
            SessionSettings settings,
            TimeSource time,
            StorageOpener storageOpener,
            PeerDialer dialer,
            UploadLimit uploadLimit)
            throws MetainfoException {
        this.uploadLimit = uploadLimit;
        this.infoHash = infoHash;
        this.peerId = peerId.clone();
        this.settings = settings;
        this.time = time;
        this.dialer = dialer;
        this.metadataExchange = new MetadataExchange(infoHash, settings.metadataMemory());
        this.choker = new Choker(settings.uploadSlots());
        this.directory = new PeerDirectory(settings.maxKnownPeers());
        this.lifecycle = new SessionLifecycle(this, storageOpener);
        if (rawInfo != null) {
            lifecycle.setInfo(rawInfo);
        }
    }

    // ---- the lifecycle (SessionLifecycle holds the state machine) ---------------------------------

    void start() {
        lifecycle.start();
    }

    void pause() {
        lifecycle.pause();
    }

    /** Goes on after a pause, or tries again after a failure (the disk may have been fixed meanwhile). */
    void resume() {
        lifecycle.resume();
    }

    void stop() {
        lifecycle.stop();
    }

    /** Paused, failed or stopped: no peer is served or asked until a resume. Called under the monitor. */
    boolean isHalted() {
        return lifecycle.isHalted();
    }

    // ---- what the handle asks ---------------------------------------------------------------------

    CompletableFuture<TorrentInfo> metadata() {
        return metadata;
    }

    void addListener(Consumer<TorrentEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void addPeers(List<PeerAddress> addresses) {
        directory.learn(addresses);
        connectMore();
    }

    synchronized void select(Set<Integer> files) {
        selectedFiles = files == null ? null : Set.copyOf(files);
        if (info != null) {
            FilePriorities.apply(info, picker, selectedFiles);
            if (storage != null) {
                lifecycle.transitionTo(lifecycle.downloadingOrSeeding(), "files selected");
            }
            for (Peer peer : peers.values()) {
                pieces.updateInterest(peer);
                pieces.fillRequests(peer);
            }
        }
    }

    @Override
    public InfoHash infoHash() {
        return infoHash;
    }

    @Override
    public synchronized AnnounceTarget.Progress progress() {
        return status.progress();
    }

    @Override
    public synchronized boolean needsPeers() {
        return status.needsPeers();
    }

    synchronized TorrentStatus status() {
        return status.snapshot();
    }

    /**
     * How many bytes of a file, from its first, are had and verified: a reader of that much never waits. Walks
     * the file's pieces from its first to the first missing one (cheap beside {@link #status()}, no copy).
     */
    synchronized long verifiedPrefix(TorrentFile file) {
        if (info == null || have == null || file.length() == 0) {
            return 0;
        }
        long pieceLength = info.pieceLength();
        int first = (int) (file.offset() / pieceLength);
        int last = (int) ((file.offset() + file.length() - 1) / pieceLength);
        int piece = first;
        while (piece <= last && have.has(piece)) {
            piece++;
        }
        return piece > last ? file.length() : Math.max(0, piece * pieceLength - file.offset());
    }

    synchronized List<PeerInfo> peerInfos() {
        return status.peerInfos();
    }

    synchronized List<PeerAddress> connectedPeers() {
        return List.copyOf(peers.keySet());
    }

    synchronized List<ReaderWindow> readerWindows() {
        return deadlines.windows();
    }

    @Override
    public synchronized Storage storage() {
        return storage;
    }

    /** The exact info dictionary, or null before the metadata is known. */
    synchronized byte[] rawInfo() {
        return rawInfo == null ? null : rawInfo.clone();
    }

    // Lock-free: every range request of every viewer asks, and must not queue behind the peers' work.
    TorrentInfo info() {
        return info;
    }

    TorrentState state() {
        return lifecycle.state();
    }

    /** Why the torrent failed, or null when it has not. */
    @Override
    public String failure() {
        return lifecycle.failure();
    }

    @Override
    public synchronized boolean isPaused() {
        return state() == TorrentState.PAUSED;
    }

    @Override
    public boolean awaitPiece(int piece, long timeoutMillis) throws InterruptedException {
        return pieces.awaitPiece(piece, timeoutMillis);
    }

    @Override
    public synchronized void setReaderWindow(Object reader, int firstPiece, int pieceCount) {
        pieces.setReaderWindow(reader, firstPiece, pieceCount);
    }

    @Override
    public synchronized void releaseReader(Object reader) {
        pieces.releaseReader(reader);
    }

    // ---- peers ------------------------------------------------------------------------------------

    Handshake ourHandshake() {
        return Handshake.ours(infoHash, peerId);
    }

    /** Runs a connected peer until it leaves; called on the peer's own virtual thread. */
    void runPeer(PeerConnection connection) {
        dispatch.run(connection);
    }

    /** A peer we could not reach is tried again after 1 s, then 2, 4... up to a minute. */
    synchronized void dialFailed(PeerAddress address) {
        directory.dialFailed(address, time.millis());
    }

    // ---- once a second ---------------------------------------------------------------------------

    /** Housekeeping the client calls about once a second. */
    synchronized void tick() {
        if (isHalted()) {
            return;
        }
        long now = time.millis();
        for (Peer peer : peers.values()) {
            peer.connection.keepAliveIfIdleFor(KEEP_ALIVE_AFTER);
            if (requests == null) {
                // A magnet's peer before the metadata: nothing requested yet, but the metadata is asked again.
                metadataExchange.askFor(peer, now);
            } else {
                requests.expire(peer, now);
            }
            pieces.fillRequests(peer);
        }
        if (requests != null) {
            requests.trimBuffers();
        }
        if (now - lastRechoke >= 10_000) {
            lastRechoke = now;
            rechoke();
        }
        connectMore();
    }

    /** Called under the monitor. */
    void rechoke() {
        choker.rechoke(peers.values(), state() == TorrentState.SEEDING, time.millis());
    }

    /**
     * Dials known peers, up to the connection limit. A complete torrent dials too: a leecher that cannot take
     * connections (behind NAT; Transmission never dials a loopback address) would otherwise get nothing from
     * us — but not the peers known to be seeds. Called under the monitor.
     */
    private void connectMore() {
        if (isHalted()) {
            return;
        }
        directory
                .toDial(peers.keySet(), settings.maxPeers(), time.millis(), state() == TorrentState.SEEDING)
                .forEach(address -> dialer.dial(this, address));
    }

    /** Tells the listeners; never under the monitor, for a listener may call back into the handle. */
    void emit(TorrentEvent event) {
        for (Consumer<TorrentEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "a torrent listener failed on " + event, e);
            }
        }
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
