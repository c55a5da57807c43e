package com.hypertube.torrent.storage;

import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A torrent's bytes in its files under a download root. A file is created on its first write, with its
 * folders. Padding files are never written (their bytes read as zeros). Every path comes from
 * {@code SafePath} and is checked once more to stay inside the root.
 */
public final class FileStorage implements Storage {

    private final Path root;
    private final List<TorrentFile> layout;
    private final long[] starts;
    private final ConcurrentMap<Integer, FileChannel> open = new ConcurrentHashMap<>();

    // Writing a heap array makes the JDK copy it into a temporary native buffer it may allocate and free
    // each time (pieces are written from short-lived threads): ours are kept and reused.
    private final DirectBuffers directBuffers = new DirectBuffers();

    public FileStorage(Path root, TorrentInfo info) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.layout = info.layout();
        this.starts = layout.stream().mapToLong(TorrentFile::offset).toArray();
        for (TorrentFile file : layout) {
            pathOf(file); // refuse a torrent whose files would land outside the root, before any write
        }
    }

    /** Where a file of the torrent is (or will be) on disk. */
    public Path pathOf(TorrentFile file) throws IOException {
        Path path = root;
        for (String name : file.path()) {
            path = path.resolve(name);
        }
        path = path.normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("refusing a path outside the download root: " + file.displayPath());
        }
        return path;
    }

    @Override
    public void read(long offset, byte[] into, int at, int length) throws IOException {
        forEachSlice(offset, length, (file, index, fileOffset, bufferOffset, count) -> {
            FileChannel channel = file.padding() ? null : channel(index, false);
            long position = fileOffset;
            if (channel != null) {
                ByteBuffer buffer = ByteBuffer.wrap(into, at + bufferOffset, count);
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        break;
                    }
                    position += read;
                }
            }
            int done = (int) (position - fileOffset);
            Arrays.fill(into, at + bufferOffset + done, at + bufferOffset + count, (byte) 0);
        });
    }

    @Override
    public void write(long offset, byte[] from, int at, int length) throws IOException {
        forEachSlice(offset, length, (file, index, fileOffset, bufferOffset, count) -> {
            if (file.padding()) {
                return;
            }
            FileChannel channel = channel(index, true);
            ByteBuffer buffer = directBuffers.take(count);
            try {
                buffer.put(from, at + bufferOffset, count).flip();
                long position = fileOffset;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            } finally {
                directBuffers.give(buffer);
            }
        });
    }

    @Override
    public boolean mayHoldData(long offset, long length) throws IOException {
        int index = fileAt(offset);
        long end = offset + length;
        for (; index < layout.size() && layout.get(index).offset() < Math.max(end, offset + 1); index++) {
            TorrentFile file = layout.get(index);
            if (file.padding() || file.length() == 0) {
                continue;
            }
            Path path = pathOf(file);
            long needed = Math.min(file.end(), end) - file.offset();
            if (!Files.isRegularFile(path) || Files.size(path) < needed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() throws IOException {
        for (FileChannel channel : open.values()) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel channel : open.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    private FileChannel channel(int index, boolean forWriting) throws IOException {
        FileChannel channel = open.get(index);
        if (channel != null) {
            return channel;
        }
        Path path = pathOf(layout.get(index));
        if (!forWriting && !Files.exists(path)) {
            return null;
        }
        synchronized (open) {
            channel = open.get(index);
            if (channel == null) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                open.put(index, channel);
            }
            return channel;
        }
    }

    private interface SliceAction {
        void apply(TorrentFile file, int index, long fileOffset, int bufferOffset, int count) throws IOException;
    }

    // Walks the files a range of the byte stream covers, in order.
    private void forEachSlice(long offset, int length, SliceAction action) throws IOException {
        long total = layout.isEmpty() ? 0 : layout.getLast().end();
        if (offset < 0 || length < 0 || offset + length > total) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside 0.." + total);
        }
        int done = 0;
        for (int index = fileAt(offset); done < length; index++) {
            TorrentFile file = layout.get(index);
            long position = offset + done;
            if (file.length() == 0 || position >= file.end()) {
                continue;
            }
            int count = (int) Math.min(length - done, file.end() - position);
            action.apply(file, index, position - file.offset(), done, count);
            done += count;
        }
    }

    private int fileAt(long offset) {
        int found = Arrays.binarySearch(starts, offset);
        if (found < 0) {
            return Math.max(0, -found - 2);
        }
        // Several files may start here (empty ones): the first of them.
        while (found > 0 && starts[found - 1] == offset) {
            found--;
        }
        return found;
    }
}
