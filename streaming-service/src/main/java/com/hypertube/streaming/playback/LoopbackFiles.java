package com.hypertube.streaming.playback;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.stream.ByteRange;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.stream.TorrentFileReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A file of a torrent still downloading, as ffmpeg and ffprobe read it: HTTP with Range on 127.0.0.1, served by
 * torrent-lib's reader, so what they read gets piece deadlines exactly as a player's reads do (a probe's
 * head and tail first; a transcode just ahead of where it is).
 *
 * <p>Only this process's children can use it: it listens on loopback, on a port chosen at start, and every
 * address carries a secret drawn at start ({@code /{secret}/{infoHash}/{fileIndex}}, or {@code …/{length}} for a
 * file's head alone); anything else is a 404.
 */
@Component
public class LoopbackFiles implements DisposableBean {

    private static final int COPY_BUFFER = 256 * 1024;

    private final TorrentEngine engine;
    private final Duration readTimeout;
    private final String secret;
    private final HttpServer server;

    LoopbackFiles(TorrentEngine engine, StreamingProperties properties) throws IOException {
        this.engine = engine;
        this.readTimeout = properties.torrent().readTimeout();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Where ffmpeg reads file {@code fileIndex} of a torrent: the file itself once complete, else this server. */
    public MediaInput inputFor(TorrentHandle torrent, int fileIndex) throws IOException {
        Optional<Path> complete = torrent.completedFile(fileIndex);
        if (complete.isPresent()) {
            return MediaInput.file(complete.get());
        }
        return loopback(torrent, fileIndex, "");
    }

    /**
     * The first {@code length} bytes of a file still downloading, as if they were all of it: with {@code length}
     * its {@linkplain TorrentHandle#verifiedPrefix verified prefix}, ffmpeg reads what is here without waiting
     * for a piece, and sees the end of the file where the download has got to.
     */
    public MediaInput headOf(TorrentHandle torrent, int fileIndex, long length) {
        return loopback(torrent, fileIndex, "/" + length);
    }

    private MediaInput loopback(TorrentHandle torrent, int fileIndex, String lengthPart) {
        TorrentInfo info = torrent.metadata().getNow(null);
        String name = info == null ? "" : info.files().get(fileIndex).displayPath();
        return MediaInput.loopback(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/" + secret + "/"
                        + torrent.infoHash().hex() + "/" + fileIndex + lengthPart,
                name);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length < 4
                    || parts.length > 5
                    || !parts[1].equals(secret)
                    || !parts[3].matches("\\d{1,6}")
                    || (parts.length == 5 && !parts[4].matches("\\d{1,18}"))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Optional<TorrentHandle> torrent = parseHash(parts[2]).flatMap(engine::running);
            TorrentInfo info = torrent.flatMap(
                            t -> Optional.ofNullable(t.metadata().getNow(null)))
                    .orElse(null);
            int fileIndex = Integer.parseInt(parts[3]);
            if (info == null || fileIndex >= info.files().size()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long fileSize = info.files().get(fileIndex).length();
            long size = parts.length == 5 ? Math.min(fileSize, Long.parseLong(parts[4])) : fileSize;
            Optional<ByteRange> range;
            try {
                range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
            } catch (RuntimeException unsatisfiable) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            long start = range.map(ByteRange::start).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            if (range.isPresent()) {
                exchange.getResponseHeaders()
                        .set(
                                "Content-Range",
                                "bytes " + start + "-" + range.get().end() + "/" + size);
            }
            exchange.sendResponseHeaders(range.isPresent() ? 206 : 200, length == 0 ? -1 : length);
            if (exchange.getRequestMethod().equals("HEAD") || length == 0) {
                return;
            }
            copy(torrent.get(), fileIndex, start, length, exchange.getResponseBody());
        }
    }

    // ffmpeg closing the connection (a seek, or the end) makes the write fail: the reader and its deadlines go.
    private void copy(TorrentHandle torrent, int fileIndex, long start, long length, OutputStream out)
            throws IOException {
        try (TorrentFileReader reader = torrent.openFile(fileIndex, readTimeout)) {
            reader.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, length));
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int read = reader.read(buffer);
                if (read < 0) {
                    break;
                }
                out.write(buffer.array(), 0, read);
                left -= read;
            }
        }
    }

    private static Optional<InfoHash> parseHash(String hex) {
        try {
            return Optional.of(InfoHash.fromHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        server.stop(0);
    }
}
