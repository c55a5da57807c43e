package com.hypertube.torrent.session;

import com.hypertube.torrent.extension.ExtensionHandshake;
import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.peer.Bitfield;
import com.hypertube.torrent.peer.PeerConnection;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.peer.PeerProtocolException;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.util.Arrays;

/**
 * A torrent's side of its peers' conversations: admits a connected peer, reads its messages on the peer's own
 * virtual thread and does what each asks (choke and interest, have and bitfield, requests served, BEP 10 and
 * ut_metadata), then lets the peer go. Blocks received go to the {@link PieceFlow}.
 *
 * <p>No lock of its own: every change is made under the session's monitor ({@code synchronized (session)}),
 * for a message reads and changes the session's state as a whole — a {@code have} changes the peer, the
 * picker's availability, our interest and the requests in flight at once. Disk reads (a block we serve) and
 * the metadata's parsing are done outside it.
 */
final class PeerMessageDispatch {

    private final TorrentSession session;

    PeerMessageDispatch(TorrentSession session) {
        this.session = session;
    }

    /** Runs a connected peer until it leaves; called on the peer's own virtual thread. */
    void run(PeerConnection connection) {
        Peer peer;
        synchronized (session) {
            session.directory.notDialling(connection.address());
            if (session.isHalted()
                    || session.peers.size() >= session.settings.maxPeers()
                    || session.peers.containsKey(connection.address())
                    || Arrays.equals(connection.remoteHandshake().peerId(), session.peerId)) {
                connection.close();
                return;
            }
            peer = new Peer(connection, session.info == null ? 0 : session.info.pieceCount());
            session.peers.put(connection.address(), peer);
            session.directory.connected(connection.address());
            if (connection.remoteHandshake().supportsExtensionProtocol()) {
                int metadataSize = session.rawInfo == null ? 0 : session.rawInfo.length;
                connection.send(new PeerMessage.Extended(
                        0,
                        ExtensionHandshake.ours(metadataSize, session.settings.listenPort())
                                .encode()));
            }
            if (session.storage != null) {
                sendOurPieces(peer);
            }
        }
        session.emit(new TorrentEvent.PeerConnected(connection.address()));
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
            session.emit(new TorrentEvent.PeerDisconnected(connection.address(), reason));
        }
    }

    private void removePeer(Peer peer) {
        synchronized (session) {
            session.peers.remove(peer.connection.address());
            session.directory.left(peer.connection.address(), session.time.millis());
            if (session.picker != null) {
                session.picker.peerLeft(peer.has);
            }
            if (session.requests != null) {
                session.requests.forgetRequestsOf(peer);
            }
            if (!peer.amChoking) {
                session.rechoke();
            }
            session.peers.values().forEach(session.pieces::fillRequests);
        }
    }

    /** Tells the peer what we have, when we have something. Called under the session's monitor. */
    void sendOurPieces(Peer peer) {
        if (session.have != null && session.have.count() > 0) {
            peer.connection.send(new PeerMessage.Bitfield(session.have.toWire()));
        }
    }

    private void handle(Peer peer, PeerMessage message) throws PeerProtocolException, IOException {
        switch (message) {
            case PeerMessage.Piece piece -> session.pieces.onBlock(peer, piece);
            case PeerMessage.Request request -> onRequest(peer, request);
            case PeerMessage.KeepAlive ignored -> {}
            case PeerMessage.Choke ignored -> onChoke(peer);
            case PeerMessage.Unchoke ignored -> {
                synchronized (session) {
                    peer.peerChoking = false;
                    session.pieces.fillRequests(peer);
                }
            }
            case PeerMessage.Interested ignored -> {
                synchronized (session) {
                    peer.peerInterested = true;
                    session.choker.unchokeIfSlotFree(session.peers.values(), peer);
                }
            }
            case PeerMessage.NotInterested ignored -> {
                synchronized (session) {
                    peer.peerInterested = false;
                    if (!peer.amChoking) {
                        session.choker.choke(peer);
                        session.rechoke();
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

    private void onHave(Peer peer, int piece) throws PeerProtocolException {
        synchronized (session) {
            if (session.info == null) {
                return; // we cannot tell what it means before the metadata; its bitfield will follow on reconnect
            }
            if (piece >= session.info.pieceCount()) {
                throw new PeerProtocolException("have for piece " + piece + " of " + session.info.pieceCount());
            }
            if (!peer.has.has(piece)) {
                peer.has.set(piece);
                session.picker.peerHas(piece);
                noteIfSeed(peer);
                session.pieces.updateInterest(peer);
                session.pieces.fillRequests(peer);
            }
        }
    }

    private void onBitfield(Peer peer, byte[] bits) throws PeerProtocolException {
        synchronized (session) {
            if (session.info == null) {
                peer.earlyBitfield = bits;
                return;
            }
            session.picker.peerLeft(peer.has);
            peer.has = Bitfield.fromWire(bits, session.info.pieceCount());
            session.picker.peerHasAll(peer.has);
            noteIfSeed(peer);
            session.pieces.updateInterest(peer);
            session.pieces.fillRequests(peer);
        }
    }

    private void noteIfSeed(Peer peer) {
        if (peer.has.count() == session.info.pieceCount()) {
            session.directory.isSeed(peer.connection.address());
        }
    }

    private void onChoke(Peer peer) {
        synchronized (session) {
            peer.peerChoking = true;
            if (session.requests != null) {
                session.requests.forgetRequestsOf(peer);
            }
            session.peers.values().stream().filter(other -> other != peer).forEach(session.pieces::fillRequests);
        }
    }

    /** Serves a block: checked under the monitor, read from disk and queued without it. */
    private void onRequest(Peer peer, PeerMessage.Request request) throws IOException {
        Storage source;
        long offset;
        synchronized (session) {
            if (peer.amChoking
                    || session.info == null
                    || session.storage == null
                    || request.piece() >= session.info.pieceCount()
                    || !session.have.has(request.piece())
                    || (long) request.offset() + request.length() > session.info.pieceLength(request.piece())) {
                return; // not ours to give now: ignored, as BEP 3 allows
            }
            source = session.storage;
            offset = session.info.pieceOffset(request.piece()) + request.offset();
        }
        try {
            session.uploadLimit.acquire(request.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] block = new byte[request.length()];
        source.read(offset, block, 0, block.length);
        peer.connection.send(new PeerMessage.Piece(request.piece(), request.offset(), block));
        long now = session.time.millis();
        peer.toPeer.add(block.length, now);
        session.uploaded.add(block.length, now);
    }

    // ---- extension protocol (BEP 10, ut_metadata) ------------------------------------------------

    private void onExtended(Peer peer, PeerMessage.Extended message) throws PeerProtocolException {
        if (message.extensionId() == 0) {
            ExtensionHandshake handshake = ExtensionHandshake.decode(message.payload());
            synchronized (session) {
                peer.metadataExtensionId = handshake.idOf(ExtensionHandshake.UT_METADATA);
                peer.client = handshake.client();
                peer.limitRequestsTo(handshake.maxRequests());
                if (session.info == null && peer.metadataExtensionId > 0) {
                    session.metadataExchange.sizeAnnounced(handshake.metadataSize());
                    session.metadataExchange.askFor(peer, session.time.millis());
                }
            }
            return;
        }
        if (message.extensionId() != ExtensionHandshake.OUR_UT_METADATA_ID) {
            return; // an extension we did not announce
        }
        MetadataMessage metadataMessage = MetadataMessage.decode(message.payload());
        byte[] complete = null;
        synchronized (session) {
            switch (metadataMessage.type()) {
                case REQUEST -> session.metadataExchange.serve(peer, metadataMessage.piece(), session.rawInfo);
                case DATA -> {
                    complete = session.metadataExchange.received(metadataMessage);
                    if (complete == null) {
                        session.metadataExchange.askFor(peer, session.time.millis());
                    }
                }
                case REJECT -> {}
            }
        }
        if (complete != null) {
            // Parsed outside the monitor (setInfo takes it to install the result).
            try {
                session.lifecycle.setInfo(complete);
                session.start();
            } catch (MetainfoException e) {
                session.lifecycle.fail("the torrent's metadata is not usable: " + e.getMessage());
            }
        }
    }
}
