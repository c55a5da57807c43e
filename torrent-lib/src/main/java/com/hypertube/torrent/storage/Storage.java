package com.hypertube.torrent.storage;

import java.io.Closeable;
import java.io.IOException;

/**
 * The bytes of one torrent, addressed as one stream across its files (piece {@code i} starts at
 * {@code i * pieceLength}). Thread-safe. Bytes never written read as zeros.
 */
public interface Storage extends Closeable {

    void read(long offset, byte[] into, int at, int length) throws IOException;

    void write(long offset, byte[] from, int at, int length) throws IOException;

    /** Whether every byte of the range may have been written before: a cheap look before verifying. */
    boolean mayHoldData(long offset, long length) throws IOException;

    /** Makes what was written durable. */
    void flush() throws IOException;
}
