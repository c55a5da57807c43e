package com.hypertube.torrent.storage;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/** A few reusable native buffers for file writes, grown to the largest write seen. */
final class DirectBuffers {

    private static final int MAX_KEPT = 4;

    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    synchronized ByteBuffer take(int capacity) {
        ByteBuffer buffer = free.poll();
        if (buffer == null || buffer.capacity() < capacity) {
            return ByteBuffer.allocateDirect(capacity);
        }
        return buffer.clear();
    }

    synchronized void give(ByteBuffer buffer) {
        if (free.size() < MAX_KEPT) {
            free.push(buffer);
        }
    }
}
