package com.hypertube.torrent.session;

import com.hypertube.torrent.extension.ExtensionHandshake;
import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.Handshake;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.peer.PeerConnection;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.peer.PeerProtocolException;
import com.hypertube.torrent.picker.PieceOrder;
import com.hypertube.torrent.picker.PiecePicker;
import com.hypertube.torrent.storage.Storage;
import com.hypertube.torrent.stream.PieceSource;
import com.hypertube.torrent.tracker.AnnounceTarget;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * One torrent's engine: its peers, the pieces in flight, what we have. Each peer connection reads on its
 * own virtual thread and calls in here; all state is guarded by this object's monitor, which is never
 * held across disk or network I/O (sending only queues). Readers of the stream API wait on the same
 * monitor for pieces to arrive.
 */
final class TorrentSession implements PieceSource, AnnounceTarget {

    private static final Logger log = Logger.getLogger(TorrentSession.class.getName());

    /** Peers drop a link silent for two minutes: we say something well before. */
    static final java.time.Duration KEEP_ALIVE_AFTER = java.time.Duration.ofSeconds(90);

    /** A peer whose pieces failed the hash check this often is dropped. */
    static final int MAX_STRIKES = 3;

    final InfoHash infoHash;
    private final byte[] peerId;
    private final SessionSettings settings;
    private final TimeSource time;
    private final StorageOpener storageOpener;
    private final PeerDialer dialer;
    private final UploadLimit uploadLimit;
    private final List<Consumer<TorrentEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<TorrentInfo> metadata = new CompletableFuture<>();

    private volatile TorrentInfo info; // written under the monitor; read without it by info()
    private byte[] rawInfo;
    private Storage storage;
    private PiecePicker picker;
    private Bitfield have;
    private Set<Integer> selectedFiles;
    private volatile TorrentState state; // written under the monitor; read without it by state()
    private volatile String failure; // why the state is FAILED; written under the monitor
    private final MetadataExchange metadataExchange;
    private final Choker choker;
    private final Map<PeerAddress, Peer> peers = new LinkedHashMap<>();
    private final PeerDirectory directory;
    private final StreamDeadlines deadlines = new StreamDeadlines();
    private final RateMeter downloaded = new RateMeter();
    private final RateMeter uploaded = new RateMeter();
    private long lastRechoke;
    private boolean completedHere; // the download finished in this session: trackers are told "completed"

    private RequestScheduler requests;

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
        this.storageOpener = storageOpener;
        this.dialer = dialer;
        this.metadataExchange = new MetadataExchange(infoHash, settings.metadataMemory());
        this.choker = new Choker(settings.uploadSlots());
        this.directory = new PeerDirectory(settings.maxKnownPeers());
        this.state = TorrentState.FETCHING_METADATA;
        if (rawInfo != null) {
            setInfo(rawInfo);
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    /** Opens storage and verifies what is on disk already (resume), then downloads or seeds. */
    void start() {
        if (info != null) {
            Thread.ofVirtual().name("check-" + infoHash).start(this::checkExistingData);
        }
    }

    private void setInfo(byte[] raw) throws MetainfoException {
        TorrentInfo parsed = Metainfo.fromInfo(raw, List.of()).info();
        if (parsed.pieceLength() > settings.maxPieceLength()) {
            throw new MetainfoException("pieces of " + parsed.pieceLength() / 1024 + " KiB are larger than the "
                    + settings.maxPieceLength() / 1024 + " KiB this client accepts");
        }
        synchronized (this) {
            if (info != null) {
                return;
            }
            rawInfo = raw.clone();
            info = parsed;
            have = new Bitfield(parsed.pieceCount());
            picker = new PiecePicker(parsed.pieceCount());
            requests = new RequestScheduler(parsed, picker, settings.pieceMemory());
            FilePriorities.apply(info, picker, selectedFiles);
            for (Peer peer : peers.values()) {
                peer.has = new Bitfield(parsed.pieceCount());
                if (peer.earlyBitfield != null) {
                    try {
                        peer.has = Bitfield.fromWire(peer.earlyBitfield, parsed.pieceCount());
                    } catch (PeerProtocolException e) {
                        peer.connection.close();
                    }
                    peer.earlyBitfield = null;
                }
                picker.peerHasAll(peer.has);
            }
            state = TorrentState.CHECKING;
        }
        metadata.complete(parsed);
        emit(new TorrentEvent.MetadataReceived(parsed));
    }

    private void checkExistingData() {
        TorrentInfo torrent;
        synchronized (this) {
            torrent = info;
        }
        try {
            Storage opened = storageOpener.open(torrent);
            List<Integer> verified = ExistingData.verifiedPieces(opened, torrent);
            synchronized (this) {
                storage = opened;
                verified.forEach(piece -> {
                    have.set(piece);
                    picker.setHave(piece);
                });
                if (state == TorrentState.CHECKING) {
                    state = picker.isDone() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
                }
                for (Peer peer : peers.values()) {
                    sendOurPieces(peer);
                    updateInterest(peer);
                    // A peer may have unchoked us while we were checking: ask it now, not at the next tick.
                    fillRequests(peer);
                }
                notifyAll();
            }
            if (picker.isDone()) {
                emit(new TorrentEvent.Completed());
            }
        } catch (IOException e) {
            fail("cannot open the torrent's files: " + e.getMessage());
        }
    }

    synchronized void pause() {
        if (state != TorrentState.STOPPED && state != TorrentState.FAILED) {
            state = TorrentState.PAUSED;
            new ArrayList<>(peers.values()).forEach(peer -> peer.connection.close());
            releaseMemory();
            notifyAll(); // readers waiting for pieces learn that none will come
        }
    }

    /** Goes on after a pause, or tries again after a failure (the disk may have been fixed meanwhile). */
    synchronized void resume() {
        if (state == TorrentState.PAUSED || state == TorrentState.FAILED) {
            // A check of the data on disk that failed has ended: it is run again. (One paused midway still runs.)
            boolean checkAgain = state == TorrentState.FAILED && info != null && storage == null;
            failure = null;
            state = info == null
                    ? TorrentState.FETCHING_METADATA
                    : storage == null
                            ? TorrentState.CHECKING
                            : picker.isDone() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
            directory.forgetBackOff();
            if (checkAgain) {
                start();
            }
        }
    }

    void stop() {
        Storage toClose;
        synchronized (this) {
            state = TorrentState.STOPPED;
            new ArrayList<>(peers.values()).forEach(peer -> peer.connection.close());
            releaseMemory();
            toClose = storage;
            storage = null;
            notifyAll();
        }
        metadata.completeExceptionally(new IllegalStateException("the torrent was removed"));
        if (toClose != null) {
            // No fsync here: a restart re-verifies pieces anyway, and forcing a GiB out would stall the stop.
            try {
                toClose.close();
            } catch (IOException e) {
                log.log(Level.WARNING, "closing the storage of " + infoHash, e);
            }
        }
    }

    /** Frees what this torrent holds of the client's memory budgets, for the torrents still downloading. */
    private void releaseMemory() {
        if (requests != null) {
            requests.dropAll();
        }
        metadataExchange.release();
    }

    // ENOSPC reaches Java only as a message; on Linux and macOS it reads the same.
    private static boolean isDiskFull(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    // Not a failure: the piece is dropped (fetched again later) and the torrent waits to be resumed.
    private void pauseForDiskSpace(String reason) {
        synchronized (this) {
            if (isHalted()) {
                return; // several pieces fail at once when the disk fills: one pause, one event
            }
            state = TorrentState.PAUSED;
            new ArrayList<>(peers.values()).forEach(peer -> peer.connection.close());
            releaseMemory();
            notifyAll();
        }
        emit(new TorrentEvent.DiskFull(reason));
    }

    // FAILED, not PAUSED: a paused torrent reads as the user's cancel, and the reason would be lost.
    private void fail(String reason) {
        synchronized (this) {
            if (state == TorrentState.STOPPED || state == TorrentState.FAILED) {
                return; // several pieces' writes fail at once: one failure, one event
            }
            state = TorrentState.FAILED;
            failure = reason;
            new ArrayList<>(peers.values()).forEach(peer -> peer.connection.close());
            releaseMemory();
            notifyAll();
        }
        emit(new TorrentEvent.Failed(reason));
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
                state = picker.isDone() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
            }
            for (Peer peer : peers.values()) {
                updateInterest(peer);
                fillRequests(peer);
            }
        }
    }

    @Override
    public InfoHash infoHash() {
        return infoHash;
    }

    /**
     * What a magnet without its metadata announces as left: not 0, which tells the tracker we are a seed
     * (it then counts us as one and may leave seeds out of its answer). libtorrent says 16 KiB likewise.
     */
    static final long LEFT_UNKNOWN = 16 * 1024;

    @Override
    public synchronized AnnounceTarget.Progress progress() {
        TorrentStatus status = status();
        return new AnnounceTarget.Progress(
                status.downloadedBytes(),
                status.uploadedBytes(),
                info == null ? LEFT_UNKNOWN : status.wantedBytes() - status.verifiedBytes(),
                state == TorrentState.SEEDING,
                isHalted(),
                state == TorrentState.CHECKING,
                completedHere);
    }

    @Override
    public synchronized boolean needsPeers() {
        return peers.isEmpty()
                && (state == TorrentState.FETCHING_METADATA
                        || state == TorrentState.CHECKING
                        || state == TorrentState.DOWNLOADING);
    }

    synchronized TorrentStatus status() {
        long now = time.millis();
        long wanted = 0;
        long verified = 0;
        if (info != null) {
            for (int piece = 0; piece < info.pieceCount(); piece++) {
                if (picker.priority(piece) != PiecePicker.SKIP) {
                    wanted += info.pieceLength(piece);
                    if (have.has(piece)) {
                        verified += info.pieceLength(piece);
                    }
                }
            }
        }
        long rate = downloaded.rate(now);
        long eta = rate > 0 ? (wanted - verified) / rate : (wanted == verified && info != null ? 0 : -1);
        return new TorrentStatus(
                state,
                wanted,
                verified,
                downloaded.total(),
                uploaded.total(),
                rate,
                uploaded.rate(now),
                eta,
                peers.size(),
                info == null ? 0 : info.pieceCount(),
                have == null ? new java.util.BitSet() : have.toBitSet(),
                failure);
    }

    synchronized List<PeerInfo> peerInfos() {
        long now = time.millis();
        return peers.values().stream()
                .map(peer -> new PeerInfo(
                        peer.connection.address(),
                        peer.client,
                        peer.fromPeer.rate(now),
                        peer.toPeer.rate(now),
                        peer.amChoking,
                        peer.amInterested,
                        peer.peerChoking,
                        peer.peerInterested,
                        peer.has.count(),
                        peer.requested.size()))
                .toList();
    }

    synchronized List<PeerAddress> connectedPeers() {
        return List.copyOf(peers.keySet());
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
        return state;
    }

    /** Why the torrent failed, or null when it has not. */
    @Override
    public String failure() {
        return failure;
    }

    /** Paused, failed or stopped: no peer is served or asked until a resume. Called under the monitor. */
    private boolean isHalted() {
        return state == TorrentState.STOPPED || state == TorrentState.PAUSED || state == TorrentState.FAILED;
    }

    /**
     * Blocks until the piece is verified, or the time is up; returns whether it is. A reader calls it with
     * its deadlines already set.
     */
    @Override
    public synchronized boolean awaitPiece(int piece, long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (!isHalted() && (storage == null || !have.has(piece))) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return storage != null && have.has(piece);
    }

    @Override
    public synchronized boolean isPaused() {
        return state == TorrentState.PAUSED;
    }

    /** Sets (or moves) one reader's window of time-critical pieces. */
    @Override
    public synchronized void setReaderWindow(Object reader, int firstPiece, int pieceCount) {
        deadlines.set(reader, firstPiece, pieceCount, time.millis());
        applyDeadlines();
        peers.values().forEach(this::fillRequests);
    }

    @Override
    public synchronized void releaseReader(Object reader) {
        deadlines.remove(reader);
        applyDeadlines();
    }

    synchronized Map<Object, int[]> readerWindows() {
        return deadlines.windows();
    }

    private void applyDeadlines() {
        if (picker == null) {
            return;
        }
        for (int piece = 0; piece < info.pieceCount(); piece++) {
            long deadline = deadlines.deadlineOf(piece);
            if (deadline == PieceOrder.Candidate.NO_DEADLINE || have.has(piece)) {
                picker.clearDeadline(piece);
            } else {
                picker.setDeadline(piece, deadline);
            }
        }
    }

    // ---- peers ------------------------------------------------------------------------------------

    Handshake ourHandshake() {
        return Handshake.ours(infoHash, peerId);
    }

    /** Runs a connected peer until it leaves; called on the peer's own virtual thread. */
    void runPeer(PeerConnection connection) {
        Peer peer;
        synchronized (this) {
            directory.notDialling(connection.address());
            if (isHalted()
                    || peers.size() >= settings.maxPeers()
                    || peers.containsKey(connection.address())
                    || Arrays.equals(connection.remoteHandshake().peerId(), peerId)) {
                connection.close();
                return;
            }
            peer = new Peer(connection, info == null ? 0 : info.pieceCount());
            peers.put(connection.address(), peer);
            directory.connected(connection.address());
            if (connection.remoteHandshake().supportsExtensionProtocol()) {
                connection.send(new PeerMessage.Extended(
                        0,
                        ExtensionHandshake.ours(rawInfo == null ? 0 : rawInfo.length, settings.listenPort())
                                .encode()));
            }
            if (storage != null) {
                sendOurPieces(peer);
            }
        }
        emit(new TorrentEvent.PeerConnected(connection.address()));
        String reason = "left";
        try {
            while (!connection.isClosed()) {
                handle(peer, connection.read());
            }
        } catch (PeerProtocolException e) {
            reason = "broke the protocol: " + e.getMessage();
        } catch (IOException e) {
            reason = connection.isClosed() ? "disconnected" : "connection lost: " + e.getMessage();
        } finally {
            connection.close();
            removePeer(peer);
            emit(new TorrentEvent.PeerDisconnected(connection.address(), reason));
        }
    }

    /** A peer we could not reach is tried again after 1 s, then 2, 4... up to a minute. */
    synchronized void dialFailed(PeerAddress address) {
        directory.dialFailed(address, time.millis());
    }

    private synchronized void removePeer(Peer peer) {
        peers.remove(peer.connection.address());
        directory.left(peer.connection.address(), time.millis());
        if (picker != null) {
            picker.peerLeft(peer.has);
        }
        if (requests != null) {
            requests.forgetRequestsOf(peer);
        }
        if (!peer.amChoking) {
            rechoke();
        }
        peers.values().forEach(this::fillRequests);
    }

    private void sendOurPieces(Peer peer) {
        if (have != null && have.count() > 0) {
            peer.connection.send(new PeerMessage.Bitfield(have.toWire()));
        }
    }

    private void handle(Peer peer, PeerMessage message) throws PeerProtocolException, IOException {
        switch (message) {
            case PeerMessage.Piece piece -> onBlock(peer, piece);
            case PeerMessage.Request request -> onRequest(peer, request);
            case PeerMessage.KeepAlive ignored -> {}
            case PeerMessage.Choke ignored -> onChoke(peer);
            case PeerMessage.Unchoke ignored -> {
                synchronized (this) {
                    peer.peerChoking = false;
                    fillRequests(peer);
                }
            }
            case PeerMessage.Interested ignored -> {
                synchronized (this) {
                    peer.peerInterested = true;
                    choker.unchokeIfSlotFree(peers.values(), peer);
                }
            }
            case PeerMessage.NotInterested ignored -> {
                synchronized (this) {
                    peer.peerInterested = false;
                    if (!peer.amChoking) {
                        choker.choke(peer);
                        rechoke();
                    }
                }
            }
            case PeerMessage.Have have -> onHave(peer, have.piece());
            case PeerMessage.Bitfield bitfield -> onBitfield(peer, bitfield.bits());
            case PeerMessage.Extended extended -> onExtended(peer, extended);
            case PeerMessage.Cancel ignored -> {} // requests are served as they come: nothing is queued to cancel
            case PeerMessage.Port ignored -> {} // for DHT, which is another piece of work
            case PeerMessage.Unknown ignored -> {}
        }
    }

    private synchronized void onHave(Peer peer, int piece) throws PeerProtocolException {
        if (info == null) {
            return; // we cannot tell what it means before the metadata; its bitfield will follow on reconnect
        }
        if (piece >= info.pieceCount()) {
            throw new PeerProtocolException("have for piece " + piece + " of " + info.pieceCount());
        }
        if (!peer.has.has(piece)) {
            peer.has.set(piece);
            picker.peerHas(piece);
            noteIfSeed(peer);
            updateInterest(peer);
            fillRequests(peer);
        }
    }

    private synchronized void onBitfield(Peer peer, byte[] bits) throws PeerProtocolException {
        if (info == null) {
            peer.earlyBitfield = bits;
            return;
        }
        picker.peerLeft(peer.has);
        peer.has = Bitfield.fromWire(bits, info.pieceCount());
        picker.peerHasAll(peer.has);
        noteIfSeed(peer);
        updateInterest(peer);
        fillRequests(peer);
    }

    private void noteIfSeed(Peer peer) {
        if (peer.has.count() == info.pieceCount()) {
            directory.isSeed(peer.connection.address());
        }
    }

    private synchronized void onChoke(Peer peer) {
        peer.peerChoking = true;
        if (requests != null) {
            requests.forgetRequestsOf(peer);
        }
        peers.values().stream().filter(other -> other != peer).forEach(this::fillRequests);
    }

    private void onRequest(Peer peer, PeerMessage.Request request) throws IOException {
        Storage source;
        long offset;
        synchronized (this) {
            if (peer.amChoking
                    || info == null
                    || storage == null
                    || request.piece() >= info.pieceCount()
                    || !have.has(request.piece())
                    || (long) request.offset() + request.length() > info.pieceLength(request.piece())) {
                return; // not ours to give now: ignored, as BEP 3 allows
            }
            source = storage;
            offset = info.pieceOffset(request.piece()) + request.offset();
        }
        try {
            uploadLimit.acquire(request.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] block = new byte[request.length()];
        source.read(offset, block, 0, block.length);
        peer.connection.send(new PeerMessage.Piece(request.piece(), request.offset(), block));
        long now = time.millis();
        peer.toPeer.add(block.length, now);
        uploaded.add(block.length, now);
    }

    private void onBlock(Peer peer, PeerMessage.Piece message) {
        PieceDownload complete = null;
        synchronized (this) {
            long now = time.millis();
            peer.fromPeer.add(message.block().length, now);
            downloaded.add(message.block().length, now);
            complete = requests == null ? null : requests.receive(peer, message, now);
            peer.adaptPipeline(now);
            fillRequests(peer);
        }
        if (complete != null) {
            // Hash and write on another thread: this one goes back to reading the socket meanwhile.
            PieceDownload piece = complete;
            Thread.ofVirtual().name("verify-" + piece.piece).start(() -> verifyAndStore(piece));
        }
    }

    private void verifyAndStore(PieceDownload download) {
        TorrentInfo torrent;
        Storage target;
        synchronized (this) {
            torrent = info;
            target = storage;
        }
        boolean good = Arrays.equals(download.sha1(), torrent.pieceHash(download.piece));
        if (good && target != null) {
            try {
                target.write(torrent.pieceOffset(download.piece), download.data, 0, download.data.length);
            } catch (IOException e) {
                synchronized (this) {
                    requests.done(download, false);
                }
                if (isDiskFull(e)) {
                    pauseForDiskSpace("the disk is full: " + e.getMessage());
                } else {
                    fail("cannot write to the torrent's files: " + e.getMessage());
                }
                return;
            }
        }
        boolean completed = false;
        synchronized (this) {
            requests.done(download, good);
            if (isHalted()) {
                releaseMemory(); // its buffer went back to the pool: empty it again
                if (state == TorrentState.STOPPED) {
                    return;
                }
            }
            if (good) {
                have.set(download.piece);
                picker.setHave(download.piece);
                picker.clearDeadline(download.piece);
                for (Peer peer : peers.values()) {
                    peer.connection.send(new PeerMessage.Have(download.piece));
                    updateInterest(peer);
                }
                if (state == TorrentState.DOWNLOADING && picker.isDone()) {
                    state = TorrentState.SEEDING;
                    completed = true;
                    completedHere = true;
                    releaseMemory();
                }
                notifyAll();
            } else {
                for (Peer sender : download.senders) {
                    if (++sender.strikes >= MAX_STRIKES) {
                        sender.connection.close();
                    }
                }
            }
            peers.values().forEach(this::fillRequests);
        }
        emit(good ? new TorrentEvent.PieceVerified(download.piece) : new TorrentEvent.PieceFailed(download.piece));
        if (completed) {
            emit(new TorrentEvent.Completed());
        }
    }

    // ---- requesting -------------------------------------------------------------------------------

    private void updateInterest(Peer peer) {
        if (picker == null) {
            return;
        }
        boolean interested = requests.wantsFrom(peer);
        if (interested != peer.amInterested) {
            peer.amInterested = interested;
            peer.connection.send(interested ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
        }
    }

    private void fillRequests(Peer peer) {
        if (picker == null || storage == null || peer.peerChoking || !peer.amInterested || isHalted()) {
            return;
        }
        requests.fill(peer, time.millis());
    }

    // ---- extension protocol (BEP 10, ut_metadata) ------------------------------------------------

    private void onExtended(Peer peer, PeerMessage.Extended message) throws PeerProtocolException {
        if (message.extensionId() == 0) {
            ExtensionHandshake handshake = ExtensionHandshake.decode(message.payload());
            synchronized (this) {
                peer.metadataExtensionId = handshake.idOf(ExtensionHandshake.UT_METADATA);
                peer.client = handshake.client();
                peer.limitRequestsTo(handshake.maxRequests());
                if (info == null && peer.metadataExtensionId > 0) {
                    metadataExchange.sizeAnnounced(handshake.metadataSize());
                    metadataExchange.askFor(peer, time.millis());
                }
            }
            return;
        }
        if (message.extensionId() != ExtensionHandshake.OUR_UT_METADATA_ID) {
            return; // an extension we did not announce
        }
        MetadataMessage metadataMessage = MetadataMessage.decode(message.payload());
        byte[] complete = null;
        synchronized (this) {
            switch (metadataMessage.type()) {
                case REQUEST -> metadataExchange.serve(peer, metadataMessage.piece(), rawInfo);
                case DATA -> {
                    complete = metadataExchange.received(metadataMessage);
                    if (complete == null) {
                        metadataExchange.askFor(peer, time.millis());
                    }
                }
                case REJECT -> {}
            }
        }
        if (complete != null) {
            try {
                setInfo(complete);
                start();
            } catch (MetainfoException e) {
                fail("the torrent's metadata is not usable: " + e.getMessage());
            }
        }
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
            fillRequests(peer);
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

    private void rechoke() {
        choker.rechoke(peers.values(), state == TorrentState.SEEDING, time.millis());
    }

    /**
     * Dials known peers, up to the connection limit. A complete torrent dials too: a leecher that cannot take
     * connections (behind NAT; Transmission never dials a loopback address) would otherwise get nothing from
     * us — but not the peers known to be seeds.
     */
    private void connectMore() {
        if (isHalted()) {
            return;
        }
        directory
                .toDial(peers.keySet(), settings.maxPeers(), time.millis(), state == TorrentState.SEEDING)
                .forEach(address -> dialer.dial(this, address));
    }

    private void emit(TorrentEvent event) {
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
