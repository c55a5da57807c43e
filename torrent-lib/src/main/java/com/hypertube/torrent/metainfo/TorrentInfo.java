package com.hypertube.torrent.metainfo;

import java.util.Arrays;
import java.util.List;

/**
 * The content of a torrent's info dictionary: its name, pieces and files. Real files are numbered from 0
 * in {@link #files()}; {@link #layout()} also holds the padding files between them.
 */
public final class TorrentInfo {

    public static final int HASH_LENGTH = 20;

    private final String name;
    private final long pieceLength;
    private final byte[] pieceHashes;
    private final List<TorrentFile> layout;
    private final List<TorrentFile> files;
    private final long totalLength;
    private final boolean privateTorrent;

    TorrentInfo(String name, long pieceLength, byte[] pieceHashes, List<TorrentFile> layout, boolean privateTorrent) {
        this.name = name;
        this.pieceLength = pieceLength;
        this.pieceHashes = pieceHashes;
        this.layout = List.copyOf(layout);
        this.files = layout.stream().filter(file -> !file.padding()).toList();
        this.totalLength = layout.isEmpty() ? 0 : layout.getLast().end();
        this.privateTorrent = privateTorrent;
    }

    public String name() {
        return name;
    }

    public long pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieceHashes.length / HASH_LENGTH;
    }

    /** The length of piece {@code index}: the piece length, but for the last piece. */
    public int pieceLength(int index) {
        long start = index * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }

    public long pieceOffset(int index) {
        return index * pieceLength;
    }

    public byte[] pieceHash(int index) {
        return Arrays.copyOfRange(pieceHashes, index * HASH_LENGTH, (index + 1) * HASH_LENGTH);
    }

    /** The real files, numbered from 0, without padding files. */
    public List<TorrentFile> files() {
        return files;
    }

    /** Every file of the byte stream in order, padding files included. */
    public List<TorrentFile> layout() {
        return layout;
    }

    public long totalLength() {
        return totalLength;
    }

    public boolean isPrivate() {
        return privateTorrent;
    }

    /** The first piece holding a byte of the file (for an empty file, the piece where it would start). */
    public int firstPieceOf(TorrentFile file) {
        return (int) Math.min(file.offset() / pieceLength, Math.max(0, pieceCount() - 1));
    }

    /** The last piece holding a byte of the file. */
    public int lastPieceOf(TorrentFile file) {
        return file.length() == 0 ? firstPieceOf(file) : (int) ((file.end() - 1) / pieceLength);
    }
}
