package com.hypertube.torrent.stream;

import com.hypertube.torrent.storage.Storage;

/** What a reader needs of a torrent: to wait for a piece, to say which pieces it needs soon, the bytes. */
public interface PieceSource {

    /** Blocks until the piece is verified or the time is up; returns whether it is. */
    boolean awaitPiece(int piece, long timeoutMillis) throws InterruptedException;

    /** Makes {@code count} pieces from {@code firstPiece} this reader's time-critical window. */
    void setReaderWindow(Object reader, int firstPiece, int count);

    /** The reader is gone: its window no longer counts. */
    void releaseReader(Object reader);

    /** Where verified pieces are, or null when the torrent is stopped. */
    Storage storage();

    /** Whether the torrent was paused: nothing more will arrive until it resumes, so waiting is pointless. */
    default boolean isPaused() {
        return false;
    }

    /** Why the torrent failed (nothing more will arrive until it is resumed), or null when it has not. */
    default String failure() {
        return null;
    }
}
