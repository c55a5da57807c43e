package com.hypertube.torrent.storage;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A torrent's bytes in memory, allocated 1 MiB at a time as they are written: for tests and previews. */
public final class MemoryStorage implements Storage {

    private static final int CHUNK = 1 << 20;

    private final long length;
    private final ConcurrentMap<Long, byte[]> chunks = new ConcurrentHashMap<>();

    public MemoryStorage(long length) {
        this.length = length;
    }

    @Override
    public void read(long offset, byte[] into, int at, int count) {
        checkRange(offset, count);
        while (count > 0) {
            long chunk = offset / CHUNK;
            int inChunk = (int) (offset % CHUNK);
            int take = Math.min(count, CHUNK - inChunk);
            byte[] data = chunks.get(chunk);
            if (data == null) {
                Arrays.fill(into, at, at + take, (byte) 0);
            } else {
                System.arraycopy(data, inChunk, into, at, take);
            }
            offset += take;
            at += take;
            count -= take;
        }
    }

    @Override
    public void write(long offset, byte[] from, int at, int count) {
        checkRange(offset, count);
        while (count > 0) {
            long chunk = offset / CHUNK;
            int inChunk = (int) (offset % CHUNK);
            int take = Math.min(count, CHUNK - inChunk);
            byte[] data = chunkToWrite(chunk);
            System.arraycopy(from, at, data, inChunk, take);
            offset += take;
            at += take;
            count -= take;
        }
    }

    // Not computeIfAbsent with a lambda: a lambda is linked on its first call, milliseconds in a fresh JVM,
    // and the first write here is the first piece a player waits for.
    private byte[] chunkToWrite(long chunk) {
        byte[] data = chunks.get(chunk);
        if (data == null) {
            byte[] fresh = new byte[CHUNK];
            data = chunks.putIfAbsent(chunk, fresh);
            if (data == null) {
                data = fresh;
            }
        }
        return data;
    }

    @Override
    public boolean mayHoldData(long offset, long count) {
        for (long chunk = offset / CHUNK; chunk <= (offset + Math.max(count, 1) - 1) / CHUNK; chunk++) {
            if (!chunks.containsKey(chunk)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        chunks.clear();
    }

    private void checkRange(long offset, int count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + count + " outside 0.." + length);
        }
    }
}
