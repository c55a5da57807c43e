package com.hypertube.torrent.session;

import java.util.ArrayDeque;

/**
 * Reuses the arrays that pieces in flight are assembled in: a 1 GiB download would otherwise allocate a
 * thousand 1 MiB arrays and keep a small heap busy collecting them. Only full-length pieces are pooled.
 */
final class PieceBuffers {

    private static final int MAX_POOLED = 8;

    private final int pieceLength;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    PieceBuffers(int pieceLength) {
        this.pieceLength = pieceLength;
    }

    synchronized byte[] take(int length) {
        if (length == pieceLength && !free.isEmpty()) {
            return free.pop();
        }
        return new byte[length];
    }

    synchronized void give(byte[] buffer) {
        if (buffer.length == pieceLength && free.size() < MAX_POOLED) {
            free.push(buffer);
        }
    }
}
