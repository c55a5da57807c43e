package com.hypertube.torrent.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 that makes a loopback link behave like one across the internet: each byte is
 * delivered a chosen one-way delay after it was sent, at most at a chosen rate in each direction, with a
 * bounded buffer in between (so a slow link pushes back on its sender, as TCP does). On cue it stalls (stops
 * forwarding, keeping the connection open) or cuts the connection, after a given number of bytes toward the
 * client: "mid-piece" is then a byte count, not a race.
 *
 * <p>"Down" is toward whoever connected to the proxy (the client under test), "up" toward the target.
 */
public final class LinkProxy implements AutoCloseable {

    /** What the proxy does once so many bytes went down a connection. */
    public enum Fault {
        NONE,
        STALL,
        CUT
    }

    /** Bytes a direction buffers between reading and writing; about a TCP window's worth. */
    private static final int BUFFER_BYTES = 256 * 1024;

    private static final int CHUNK = 16 * 1024;

    private final InetSocketAddress target;
    private final long delayNanos;
    private final long downBytesPerSecond;
    private final long upBytesPerSecond;
    private final Fault fault;
    private final long faultAfterDownBytes;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean faulted;

    private LinkProxy(Builder builder) throws IOException {
        this.target = builder.target;
        this.delayNanos = builder.oneWayDelay.toNanos();
        this.downBytesPerSecond = builder.downBytesPerSecond;
        this.upBytesPerSecond = builder.upBytesPerSecond;
        this.fault = builder.fault;
        this.faultAfterDownBytes = builder.faultAfterDownBytes;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("link-proxy-" + server.getLocalPort()).start(this::accept);
    }

    public static Builder to(int targetPort) {
        return new Builder(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    }

    /** The port to connect to instead of the target's. */
    public int port() {
        return server.getLocalPort();
    }

    /** Whether the fault (stall or cut) has happened on some connection. */
    public boolean faulted() {
        return faulted;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofVirtual().start(() -> link(client));
        }
    }

    private void link(Socket client) {
        sockets.add(client);
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.connect(target, 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            Pipe up = new Pipe(client.getInputStream(), upstream.getOutputStream(), upBytesPerSecond, false);
            Pipe down = new Pipe(upstream.getInputStream(), client.getOutputStream(), downBytesPerSecond, true);
            Runnable closeBoth = () -> {
                closeQuietly(client);
                closeQuietly(upstream);
            };
            up.start(closeBoth);
            down.start(closeBoth);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private record Chunk(byte[] bytes, int length, long arrivedNanos) {}

    /** One direction: a reader queues what arrives with its time, a writer delivers it late and paced. */
    private final class Pipe {
        private final InputStream in;
        private final OutputStream out;
        private final long bytesPerSecond;
        private final boolean down;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(BUFFER_BYTES / CHUNK * 4);
        private final Semaphore room = new Semaphore(BUFFER_BYTES);
        private long written;

        Pipe(InputStream in, OutputStream out, long bytesPerSecond, boolean down) {
            this.in = in;
            this.out = out;
            this.bytesPerSecond = bytesPerSecond;
            this.down = down;
        }

        void start(Runnable closeBoth) {
            Thread.ofVirtual().start(() -> {
                try {
                    read();
                } catch (IOException | InterruptedException e) {
                    // the connection ended
                } finally {
                    queue.offer(new Chunk(null, -1, 0)); // end of stream, after what is queued
                }
            });
            Thread.ofVirtual().start(() -> {
                try {
                    write();
                } catch (IOException | InterruptedException e) {
                    // the connection ended
                } finally {
                    if (!(down && fault == Fault.STALL && faulted)) {
                        closeBoth.run();
                    }
                }
            });
        }

        private void read() throws IOException, InterruptedException {
            while (true) {
                byte[] buffer = new byte[CHUNK];
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                room.acquire(read);
                queue.put(new Chunk(buffer, read, System.nanoTime()));
            }
        }

        private void write() throws IOException, InterruptedException {
            long nextFree = System.nanoTime();
            while (true) {
                Chunk chunk = queue.take();
                if (chunk.length() < 0) {
                    out.close();
                    return;
                }
                int length = chunk.length();
                if (down && fault != Fault.NONE) {
                    length = (int) Math.min(length, Math.max(0, faultAfterDownBytes - written));
                }
                waitUntil(chunk.arrivedNanos() + delayNanos);
                if (bytesPerSecond > 0) {
                    nextFree = Math.max(nextFree, System.nanoTime());
                    waitUntil(nextFree);
                    nextFree += length * 1_000_000_000L / bytesPerSecond;
                }
                out.write(chunk.bytes(), 0, length);
                out.flush();
                written += length;
                room.release(chunk.length());
                if (length < chunk.length()) {
                    faulted = true;
                    if (fault == Fault.CUT) {
                        return; // the finally block closes both sides
                    }
                    // STALL: hold the connection open, forwarding nothing more, until the proxy is closed.
                    while (!closed) {
                        LockSupport.parkNanos(50_000_000L);
                    }
                    return;
                }
            }
        }

        private static void waitUntil(long nanoTime) {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        }
    }

    /** How the link behaves; by default it adds nothing. */
    public static final class Builder {
        private final InetSocketAddress target;
        private Duration oneWayDelay = Duration.ZERO;
        private long downBytesPerSecond;
        private long upBytesPerSecond;
        private Fault fault = Fault.NONE;
        private long faultAfterDownBytes;

        private Builder(InetSocketAddress target) {
            this.target = target;
        }

        /** Half the round trip: each byte arrives this long after it was sent, both ways. */
        public Builder oneWayDelay(Duration delay) {
            this.oneWayDelay = delay;
            return this;
        }

        /** Bytes per second toward the client (down) and toward the target (up); 0 for no limit. */
        public Builder rate(long downBytesPerSecond, long upBytesPerSecond) {
            this.downBytesPerSecond = downBytesPerSecond;
            this.upBytesPerSecond = upBytesPerSecond;
            return this;
        }

        /** Stops forwarding, keeping the connection open, once this many bytes went down a connection. */
        public Builder stallAfter(long downBytes) {
            this.fault = Fault.STALL;
            this.faultAfterDownBytes = downBytes;
            return this;
        }

        /** Closes the connection once this many bytes went down it. */
        public Builder cutAfter(long downBytes) {
            this.fault = Fault.CUT;
            this.faultAfterDownBytes = downBytes;
            return this;
        }

        public LinkProxy start() throws IOException {
            return new LinkProxy(this);
        }
    }
}
