package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerProtocolException;
import com.hypertube.torrent.picker.PiecePicker;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A torrent's state machine and the lifecycle that drives it: metadata known, data on disk checked, pause,
 * resume, a full disk, a failure, the stop. {@link #transitionTo} is the one place the state changes.
 *
 * <p>No lock of its own: the state is part of the session's state, read together with the peers and the
 * pieces by everything else, so it is guarded by the session's monitor like them ({@code synchronized
 * (session)} here). Readers wait on that monitor; every transition wakes them. State and failure are also
 * volatile, for the handle reads them without the lock.
 */
final class SessionLifecycle {

    private static final Logger log = Logger.getLogger(SessionLifecycle.class.getName());

    private final TorrentSession session;
    private final TorrentSession.StorageOpener storageOpener;
    private volatile TorrentState state = TorrentState.FETCHING_METADATA; // written by transitionTo alone
    private volatile String failure; // why the state is FAILED; written under the monitor

    SessionLifecycle(TorrentSession session, TorrentSession.StorageOpener storageOpener) {
        this.session = session;
        this.storageOpener = storageOpener;
    }

    TorrentState state() {
        return state;
    }

    /** Why the torrent failed, or null when it has not. */
    String failure() {
        return failure;
    }

    // ---- the state machine -----------------------------------------------------------------------

    /**
     * The one place the state changes. Entering a halted state (paused, failed, stopped) closes the peers and
     * gives back what the torrent holds of the client's memory budgets; entering FAILED keeps the reason. Every
     * change wakes the readers waiting on the monitor, who look at the state again (a halted torrent sends them
     * nothing more; a checked one may have their piece already). Called under the monitor; the caller emits
     * the matching event once it has let go of it, for listeners never run under the lock.
     */
    void transitionTo(TorrentState target, String reason) {
        assert Thread.holdsLock(session) : "a transition outside the session's monitor";
        TorrentState from = state;
        state = target;
        if (target == TorrentState.FAILED) {
            failure = reason;
        }
        if (isHalted()) {
            new ArrayList<>(session.peers.values()).forEach(peer -> peer.connection.close());
            releaseMemory();
        }
        session.notifyAll();
        log.log(Level.FINE, () -> session.infoHash + ": " + from + " -> " + target + " (" + reason + ")");
    }

    /** Paused, failed or stopped: no peer is served or asked until a resume. Called under the monitor. */
    boolean isHalted() {
        return state == TorrentState.STOPPED || state == TorrentState.PAUSED || state == TorrentState.FAILED;
    }

    /** Where a torrent goes on to when nothing holds it: what it lacks first, else what it does. */
    private TorrentState runningState() {
        if (session.info == null) {
            return TorrentState.FETCHING_METADATA;
        }
        return session.storage == null ? TorrentState.CHECKING : downloadingOrSeeding();
    }

    /** Called under the monitor, with the metadata and the storage known. */
    TorrentState downloadingOrSeeding() {
        return session.picker.isDone() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    /** Opens storage and verifies what is on disk already (resume), then downloads or seeds. */
    void start() {
        if (session.info != null) {
            Thread.ofVirtual().name("check-" + session.infoHash).start(this::checkExistingData);
        }
    }

    /** The info dictionary is known (a .torrent, or a magnet's peers): parsed, then installed under the lock. */
    void setInfo(byte[] raw) throws MetainfoException {
        TorrentInfo parsed = Metainfo.fromInfo(raw, List.of()).info();
        SessionSettings settings = session.settings;
        if (parsed.pieceLength() > settings.maxPieceLength()) {
            throw new MetainfoException("pieces of " + parsed.pieceLength() / 1024 + " KiB are larger than the "
                    + settings.maxPieceLength() / 1024 + " KiB this client accepts");
        }
        synchronized (session) {
            if (session.info != null) {
                return;
            }
            session.rawInfo = raw.clone();
            session.info = parsed;
            session.have = new Bitfield(parsed.pieceCount());
            PiecePicker picker = new PiecePicker(parsed.pieceCount());
            session.picker = picker;
            session.requests = new RequestScheduler(parsed, picker, settings.pieceMemory());
            FilePriorities.apply(parsed, picker, session.selectedFiles);
            for (Peer peer : session.peers.values()) {
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
            transitionTo(TorrentState.CHECKING, "metadata known");
        }
        session.metadata.complete(parsed);
        session.emit(new TorrentEvent.MetadataReceived(parsed));
    }

    private void checkExistingData() {
        TorrentInfo torrent;
        synchronized (session) {
            torrent = session.info;
        }
        try {
            Storage opened = storageOpener.open(torrent);
            List<Integer> verified = ExistingData.verifiedPieces(opened, torrent);
            synchronized (session) {
                session.storage = opened;
                verified.forEach(piece -> {
                    session.have.set(piece);
                    session.picker.setHave(piece);
                });
                if (state == TorrentState.CHECKING) {
                    transitionTo(downloadingOrSeeding(), "data on disk checked");
                }
                for (Peer peer : session.peers.values()) {
                    session.dispatch.sendOurPieces(peer);
                    session.pieces.updateInterest(peer);
                    // A peer may have unchoked us while we were checking: ask it now, not at the next tick.
                    session.pieces.fillRequests(peer);
                }
                session.notifyAll(); // the storage is there now, paused midway or not: readers look again
            }
            if (session.picker.isDone()) {
                session.emit(new TorrentEvent.Completed());
            }
        } catch (IOException e) {
            fail("cannot open the torrent's files: " + e.getMessage());
        }
    }

    void pause() {
        synchronized (session) {
            if (state != TorrentState.STOPPED && state != TorrentState.FAILED) {
                transitionTo(TorrentState.PAUSED, "paused");
            }
        }
    }

    /** Goes on after a pause, or tries again after a failure (the disk may have been fixed meanwhile). */
    void resume() {
        synchronized (session) {
            if (state == TorrentState.PAUSED || state == TorrentState.FAILED) {
                // A check of the data on disk that failed has ended: it is run again. (One paused midway still runs.)
                boolean checkAgain = state == TorrentState.FAILED && session.info != null && session.storage == null;
                failure = null; // a resume alone forgets why the torrent failed
                transitionTo(runningState(), "resumed");
                session.directory.forgetBackOff();
                if (checkAgain) {
                    start();
                }
            }
        }
    }

    void stop() {
        Storage toClose;
        synchronized (session) {
            transitionTo(TorrentState.STOPPED, "removed");
            toClose = session.storage;
            session.storage = null;
        }
        session.metadata.completeExceptionally(new IllegalStateException("the torrent was removed"));
        if (toClose != null) {
            // No fsync here: a restart re-verifies pieces anyway, and forcing a GiB out would stall the stop.
            try {
                toClose.close();
            } catch (IOException e) {
                log.log(Level.WARNING, "closing the storage of " + session.infoHash, e);
            }
        }
    }

    /**
     * Frees what this torrent holds of the client's memory budgets, for the torrents still downloading.
     * Called under the monitor.
     */
    void releaseMemory() {
        if (session.requests != null) {
            session.requests.dropAll();
        }
        session.metadataExchange.release();
    }

    // Not a failure: the piece is dropped (fetched again later) and the torrent waits to be resumed.
    void pauseForDiskSpace(String reason) {
        synchronized (session) {
            if (isHalted()) {
                return; // several pieces fail at once when the disk fills: one pause, one event
            }
            transitionTo(TorrentState.PAUSED, reason);
        }
        session.emit(new TorrentEvent.DiskFull(reason));
    }

    // FAILED, not PAUSED: a paused torrent reads as the user's cancel, and the reason would be lost.
    void fail(String reason) {
        synchronized (session) {
            if (state == TorrentState.STOPPED || state == TorrentState.FAILED) {
                return; // several pieces' writes fail at once: one failure, one event
            }
            transitionTo(TorrentState.FAILED, reason);
        }
        session.emit(new TorrentEvent.Failed(reason));
    }
}
