package com.hypertube.torrent.peer;

import com.hypertube.torrent.metainfo.InfoHash;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * One TCP connection to a peer after a successful handshake. Reading is blocking ({@link #read()}, from
 * the connection's own virtual thread); sending only queues, and a writer thread drains the queue, so a
 * slow peer never blocks whoever sends to it.
 */
public final class PeerConnection implements Closeable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** A peer that sends nothing, not even a keep-alive, for this long is gone. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(180);

    private static final Object CLOSE = new Object();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Handshake remote;
    private final PeerAddress address;
    private final LinkedBlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile long lastSentNanos = System.nanoTime();

    private PeerConnection(Socket socket, DataInputStream in, Handshake remote) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.remote = remote;
        InetSocketAddress remoteAddress = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.address = new PeerAddress(remoteAddress.getAddress().getHostAddress(), remoteAddress.getPort());
        Thread.ofVirtual().name("peer-writer-" + address).start(this::drainOutbox);
    }

    /** Connects to a peer and exchanges handshakes for this torrent. */
    public static PeerConnection connect(PeerAddress peer, Handshake ours) throws IOException, PeerProtocolException {
        Socket socket = new Socket();
        try {
            socket.connect(peer.toSocketAddress(), (int) CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            socket.getOutputStream().write(ours.encode());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            Handshake theirs = readHandshake(in);
            if (!theirs.infoHash().equals(ours.infoHash())) {
                throw new PeerProtocolException("peer answered for another torrent");
            }
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            return new PeerConnection(socket, in, theirs);
        } catch (IOException | PeerProtocolException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Completes the handshake of a peer that connected to us: reads its handshake, asks which of our
     * handshakes answers that info hash (none: not a torrent we serve), and sends it.
     */
    public static PeerConnection accept(Socket socket, Function<InfoHash, Handshake> ourHandshakeFor)
            throws IOException, PeerProtocolException {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            Handshake theirs = readHandshake(in);
            Handshake ours = ourHandshakeFor.apply(theirs.infoHash());
            if (ours == null) {
                throw new PeerProtocolException("peer asked for a torrent we do not have: " + theirs.infoHash());
            }
            socket.getOutputStream().write(ours.encode());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            return new PeerConnection(socket, in, theirs);
        } catch (IOException | PeerProtocolException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Handshake readHandshake(DataInputStream in) throws IOException, PeerProtocolException {
        byte[] bytes = new byte[Handshake.LENGTH];
        in.readFully(bytes);
        return Handshake.decode(bytes);
    }

    /** Blocks for the next message; the declared length is checked before its body is read. */
    public PeerMessage read() throws IOException, PeerProtocolException {
        int length = in.readInt();
        PeerWireCodec.checkLength(length);
        if (length == 0) {
            return new PeerMessage.KeepAlive();
        }
        int id = in.readUnsignedByte();
        if (id == PeerWireCodec.PIECE && length >= 9 && length - 9 <= PeerWireCodec.MAX_BLOCK) {
            // The hot path: read the block straight into its own array, one allocation and no copy.
            int piece = in.readInt();
            int offset = in.readInt();
            if (piece < 0 || offset < 0) {
                throw new PeerProtocolException("negative piece or offset in a piece message");
            }
            byte[] block = new byte[length - 9];
            in.readFully(block);
            return new PeerMessage.Piece(piece, offset, block);
        }
        byte[] body = new byte[length - 1];
        in.readFully(body);
        return PeerWireCodec.decodeBody(id, ByteBuffer.wrap(body));
    }

    /** Queues a message for the writer thread; never blocks. */
    public void send(PeerMessage message) {
        if (!closed) {
            outbox.add(message);
        }
    }

    /** Sends a keep-alive if nothing was sent for this long, so the peer does not drop an idle link. */
    public void keepAliveIfIdleFor(Duration idle) {
        if (System.nanoTime() - lastSentNanos > idle.toNanos()) {
            send(new PeerMessage.KeepAlive());
        }
    }

    public Handshake remoteHandshake() {
        return remote;
    }

    public PeerAddress address() {
        return address;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outbox.add(CLOSE);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to do with it
            }
        }
    }

    private void drainOutbox() {
        try {
            while (true) {
                Object next = outbox.take();
                if (next == CLOSE) {
                    return;
                }
                PeerWireCodec.writeTo((PeerMessage) next, out);
                lastSentNanos = System.nanoTime();
                // Batch what is queued already into one flush: many small writes cost many syscalls.
                if (outbox.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    @Override
    public String toString() {
        return "peer " + address;
    }
}
