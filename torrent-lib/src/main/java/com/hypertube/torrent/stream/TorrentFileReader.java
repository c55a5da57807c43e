package com.hypertube.torrent.stream;

import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;

/**
 * A seekable, blocking reader of one file of a torrent. A read returns at once what is verified under the
 * position; otherwise it makes the pieces there the torrent's most urgent (with a readahead window that
 * grows while reading is sequential and starts small again after a seek) and waits for them, up to the
 * timeout. Closing releases its priority at once. Not thread-safe: one reader per viewer.
 */
public final class TorrentFileReader implements SeekableByteChannel {

    /** The readahead window starts at about 4 MiB and grows, while reading is sequential, to 32 MiB. */
    static final long FIRST_WINDOW_BYTES = 4L * 1024 * 1024;

    static final long MAX_WINDOW_BYTES = 32L * 1024 * 1024;

    private final PieceSource source;
    private final TorrentInfo info;
    private final TorrentFile file;
    private final long timeoutMillis;
    private final int minWindow;
    private final int maxWindow;
    private long position;
    private int windowStart = -1;
    private int window;
    private boolean open = true;

    public TorrentFileReader(PieceSource source, TorrentInfo info, TorrentFile file, Duration timeout) {
        this.source = source;
        this.info = info;
        this.file = file;
        this.timeoutMillis = timeout.toMillis();
        this.minWindow = (int) Math.max(2, FIRST_WINDOW_BYTES / info.pieceLength());
        this.maxWindow = (int) Math.max(minWindow, MAX_WINDOW_BYTES / info.pieceLength());
        this.window = minWindow;
    }

    public TorrentFile file() {
        return file;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        ensureOpen();
        if (position >= file.length()) {
            return -1;
        }
        if (!into.hasRemaining()) {
            return 0;
        }
        long at = file.offset() + position;
        int piece = (int) (at / info.pieceLength());
        moveWindowTo(piece);
        try {
            if (!source.awaitPiece(piece, timeoutMillis)) {
                ensureOpen();
                String failure = source.failure();
                if (failure != null) {
                    throw new TorrentFailedException(piece, failure);
                }
                if (source.isPaused()) {
                    throw new TorrentPausedException(piece);
                }
                throw new PieceTimeoutException(piece, timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for piece " + piece);
        }
        Storage storage = source.storage();
        if (storage == null) {
            throw new ClosedChannelException();
        }
        long pieceEnd = info.pieceOffset(piece) + info.pieceLength(piece);
        int count = (int) Math.min(into.remaining(), Math.min(pieceEnd, file.end()) - at);
        byte[] bytes = new byte[count];
        storage.read(at, bytes, 0, count);
        into.put(bytes);
        position += count;
        return count;
    }

    /** The piece under the position and the window ahead; the window doubles each sequential piece. */
    private void moveWindowTo(int piece) {
        if (piece == windowStart) {
            return;
        }
        boolean sequential = windowStart >= 0 && piece == windowStart + 1;
        window = sequential ? Math.min(maxWindow, window * 2) : minWindow;
        windowStart = piece;
        int lastPieceOfFile = info.lastPieceOf(file);
        source.setReaderWindow(this, piece, Math.max(1, Math.min(window, lastPieceOfFile - piece + 1)));
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    /** Seeks; the deadlines move to the new position at once. */
    @Override
    public TorrentFileReader position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        if (newPosition < file.length()) {
            moveWindowTo((int) ((file.offset() + newPosition) / info.pieceLength()));
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return file.length();
    }

    @Override
    public int write(ByteBuffer from) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            source.releaseReader(this);
        }
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    /** The torrent was paused while the reader waited: the piece will not come until it resumes. */
    public static final class TorrentPausedException extends IOException {
        TorrentPausedException(int piece) {
            super("the torrent is paused: piece " + piece + " will not arrive until it resumes");
        }
    }

    /** The torrent failed (a disk error, say): the piece will not arrive unless it is resumed. */
    public static final class TorrentFailedException extends IOException {
        TorrentFailedException(int piece, String reason) {
            super("the torrent failed: piece " + piece + " will not arrive: " + reason);
        }
    }

    /** The piece under the reader did not arrive in time. */
    public static final class PieceTimeoutException extends IOException {
        PieceTimeoutException(int piece, long timeoutMillis) {
            super("piece " + piece + " did not arrive within " + timeoutMillis + " ms");
        }
    }
}
