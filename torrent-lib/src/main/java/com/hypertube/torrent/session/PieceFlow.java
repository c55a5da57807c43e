package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.picker.PieceOrder;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.util.Arrays;

/**
 * The way of a piece through a torrent: what we ask of whom (interest, requests), blocks received, a complete
 * piece hashed and written, announced with {@code have}, and the readers waiting for it woken; and the
 * readers' windows that make pieces urgent. The requests' own bookkeeping is the {@link RequestScheduler}'s,
 * the order the {@link PieceOrder}'s.
 *
 * <p>No lock of its own: it works under the session's monitor, for a block received changes the peer, the
 * pieces in flight, what we have and the readers' wait at once. Methods without {@code synchronized
 * (session)} in them are called with the monitor held. Hashing and writing a piece run outside it, on a
 * virtual thread of their own, so the socket keeps being read meanwhile.
 */
final class PieceFlow {

    private final TorrentSession session;

    PieceFlow(TorrentSession session) {
        this.session = session;
    }

    // ---- requesting -------------------------------------------------------------------------------

    /** Tells the peer whether it has something we want, when that changed. Called under the monitor. */
    void updateInterest(Peer peer) {
        if (session.picker == null) {
            return;
        }
        boolean interested = session.requests.wantsFrom(peer);
        if (interested != peer.amInterested) {
            peer.amInterested = interested;
            peer.connection.send(interested ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
        }
    }

    /** Tops up what we ask of the peer, when it lets us ask and we may. Called under the monitor. */
    void fillRequests(Peer peer) {
        if (session.picker == null
                || session.storage == null
                || peer.peerChoking
                || !peer.amInterested
                || session.isHalted()) {
            return;
        }
        session.requests.fill(peer, session.time.millis());
    }

    // ---- blocks in, pieces verified ----------------------------------------------------------------

    /** A block arrived; called on the peer's thread. */
    void onBlock(Peer peer, PeerMessage.Piece message) {
        PieceDownload complete = null;
        synchronized (session) {
            long now = session.time.millis();
            peer.fromPeer.add(message.block().length, now);
            session.downloaded.add(message.block().length, now);
            complete = session.requests == null ? null : session.requests.receive(peer, message, now);
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
        synchronized (session) {
            torrent = session.info;
            target = session.storage;
        }
        boolean good = Arrays.equals(download.sha1(), torrent.pieceHash(download.piece));
        if (good && target != null) {
            try {
                target.write(torrent.pieceOffset(download.piece), download.data, 0, download.data.length);
            } catch (IOException e) {
                synchronized (session) {
                    session.requests.done(download, false);
                }
                if (isDiskFull(e)) {
                    session.lifecycle.pauseForDiskSpace("the disk is full: " + e.getMessage());
                } else {
                    session.lifecycle.fail("cannot write to the torrent's files: " + e.getMessage());
                }
                return;
            }
        }
        boolean completed = false;
        synchronized (session) {
            session.requests.done(download, good);
            if (session.isHalted()) {
                session.lifecycle.releaseMemory(); // its buffer went back to the pool: empty it again
                if (session.state() == TorrentState.STOPPED) {
                    return;
                }
            }
            if (good) {
                session.have.set(download.piece);
                session.picker.setHave(download.piece);
                session.picker.clearDeadline(download.piece);
                for (Peer peer : session.peers.values()) {
                    peer.connection.send(new PeerMessage.Have(download.piece));
                    updateInterest(peer);
                }
                if (session.state() == TorrentState.DOWNLOADING && session.picker.isDone()) {
                    session.lifecycle.transitionTo(TorrentState.SEEDING, "every wanted piece verified");
                    completed = true;
                    session.completedHere = true;
                    // Nothing more to fetch: the pooled buffers go back to the torrents still downloading.
                    session.lifecycle.releaseMemory();
                }
                session.notifyAll(); // the readers waiting for this piece
            } else {
                for (Peer sender : download.senders) {
                    if (++sender.strikes >= TorrentSession.MAX_STRIKES) {
                        sender.connection.close();
                    }
                }
            }
            session.peers.values().forEach(this::fillRequests);
        }
        session.emit(
                good ? new TorrentEvent.PieceVerified(download.piece) : new TorrentEvent.PieceFailed(download.piece));
        if (completed) {
            session.emit(new TorrentEvent.Completed());
        }
    }

    // ENOSPC reaches Java only as a message; on Linux and macOS it reads the same.
    private static boolean isDiskFull(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left on device");
    }

    // ---- readers -----------------------------------------------------------------------------------

    /**
     * Blocks until the piece is verified, or the time is up; returns whether it is. A reader calls it with
     * its deadlines already set. Waits on the session's monitor, which a verified piece and every change of
     * state notify.
     */
    boolean awaitPiece(int piece, long timeoutMillis) throws InterruptedException {
        synchronized (session) {
            long until = System.currentTimeMillis() + timeoutMillis;
            while (!session.isHalted() && (session.storage == null || !session.have.has(piece))) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                session.wait(left);
            }
            return session.storage != null && session.have.has(piece);
        }
    }

    /** Sets (or moves) one reader's window of time-critical pieces. Called under the monitor. */
    void setReaderWindow(Object reader, int firstPiece, int pieceCount) {
        session.deadlines.set(reader, firstPiece, pieceCount, session.time.millis());
        applyDeadlines();
        session.peers.values().forEach(this::fillRequests);
    }

    /** Called under the monitor. */
    void releaseReader(Object reader) {
        session.deadlines.remove(reader);
        applyDeadlines();
    }

    private void applyDeadlines() {
        if (session.picker == null) {
            return;
        }
        for (int piece = 0; piece < session.info.pieceCount(); piece++) {
            long deadline = session.deadlines.deadlineOf(piece);
            if (deadline == PieceOrder.Candidate.NO_DEADLINE || session.have.has(piece)) {
                session.picker.clearDeadline(piece);
            } else {
                session.picker.setDeadline(piece, deadline);
            }
        }
    }
}
