package com.hypertube.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a real server (Postgres, RabbitMQ) that a test can switch off — every
 * connection cut, new ones refused at once — and on again: an outage of that server for one service, while
 * the machine's server and every other test go on undisturbed.
 */
public final class TcpSwitch implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean on = true;

    public TcpSwitch(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-switch-" + targetPort).start(this::accept);
    }

    /** The port to give the service instead of the server's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The outage: every connection through the switch is cut, and new ones are closed as they arrive. */
    public void off() {
        on = false;
        open.forEach(TcpSwitch::closeQuietly);
        open.clear();
    }

    public void on() {
        on = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (!on) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 2_000);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException unreachable) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16_384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException ended) {
            // one side closed or the switch cut it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        off();
        listener.close();
    }
}
