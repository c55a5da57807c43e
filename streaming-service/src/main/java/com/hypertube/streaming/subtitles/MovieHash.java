package com.hypertube.streaming.subtitles;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.HexFormat;
import java.util.Optional;

/**
 * OpenSubtitles' moviehash: the file's size plus every 64-bit little-endian word of its first and last 64 KiB,
 * summed with overflow, as 16 hex digits. Only for files of at least 128 KiB (the two blocks must not overlap).
 */
final class MovieHash {

    static final int BLOCK = 64 * 1024;

    private MovieHash() {}

    /** The hash of a file of {@code size} bytes whose first and last 64 KiB are these. */
    static String of(long size, byte[] head, byte[] tail) {
        if (head.length != BLOCK || tail.length != BLOCK) {
            throw new IllegalArgumentException("the first and last 64 KiB are needed");
        }
        long hash = size + sum(head) + sum(tail);
        return HexFormat.of().toHexDigits(hash);
    }

    /** The hash of what this channel reads (a file, or a torrent's file through its reader); empty under 128 KiB. */
    static Optional<String> of(SeekableByteChannel file) throws IOException {
        long size = file.size();
        if (size < 2L * BLOCK) {
            return Optional.empty();
        }
        byte[] head = read(file, 0);
        byte[] tail = read(file, size - BLOCK);
        return Optional.of(of(size, head, tail));
    }

    private static long sum(byte[] block) {
        ByteBuffer words = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        long sum = 0;
        while (words.remaining() >= Long.BYTES) {
            sum += words.getLong();
        }
        return sum;
    }

    private static byte[] read(SeekableByteChannel file, long position) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        file.position(position);
        while (block.hasRemaining()) {
            if (file.read(block) < 0) {
                throw new EOFException("the file ended before " + (position + BLOCK));
            }
        }
        return block.array();
    }
}
