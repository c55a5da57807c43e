package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.Handshake;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.peer.PeerWireCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake peer on 127.0.0.1 that does what a test scripts: it answers the handshake, then lets the script
 * write raw bytes or messages, and records what our client sent it.
 */
final class ScriptedPeer implements AutoCloseable {

    interface Script {
        void run(ScriptedPeer peer) throws IOException;
    }

    private final ServerSocket server;
    private final InfoHash infoHash;
    private final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    private volatile boolean closedByRemote;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    ScriptedPeer(InfoHash infoHash, Script script) throws IOException {
        this.infoHash = infoHash;
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                socket = server.accept();
                in = new DataInputStream(socket.getInputStream());
                out = socket.getOutputStream();
                in.readFully(new byte[Handshake.LENGTH]);
                out.write(Handshake.ours(infoHash, "-FAKE00-000000000000".getBytes(StandardCharsets.US_ASCII))
                        .encode());
                script.run(this);
                readUntilClosed();
            } catch (IOException e) {
                closedByRemote = true;
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    void send(PeerMessage message) throws IOException {
        out.write(PeerWireCodec.encode(message));
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads what our client sends until it hangs up; true then. */
    void readUntilClosed() throws IOException {
        byte[] buffer = new byte[256 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(2 * 1024 * 1024);
        int read;
        while ((read = in.read(buffer)) >= 0) {
            pending.put(buffer, 0, read).flip();
            try {
                PeerMessage message;
                while ((message = PeerWireCodec.decode(pending)) != null) {
                    received.add(message);
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
            pending.compact();
        }
        closedByRemote = true;
    }

    /** The next request our client sent, waiting for it. */
    PeerMessage.Request awaitRequest() throws IOException {
        while (true) {
            int length = in.readInt();
            byte[] body = new byte[length];
            in.readFully(body);
            if (length > 0 && body[0] == 6) {
                ByteBuffer request = ByteBuffer.wrap(body, 1, 12);
                return new PeerMessage.Request(request.getInt(), request.getInt(), request.getInt());
            }
        }
    }

    /** The next message of any kind our client sent, waiting for it. */
    PeerMessage awaitMessage() throws IOException {
        int length = in.readInt();
        ByteBuffer frame = ByteBuffer.allocate(4 + length).putInt(length);
        in.readFully(frame.array(), 4, length);
        try {
            return PeerWireCodec.decode(frame.rewind());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    boolean wasHungUpOn() {
        return closedByRemote;
    }

    List<PeerMessage> received() {
        return received;
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socket != null) {
            socket.close();
        }
    }
}
