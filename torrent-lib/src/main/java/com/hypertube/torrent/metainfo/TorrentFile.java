package com.hypertube.torrent.metainfo;

import java.util.List;

/**
 * A file of a torrent as laid out in the torrent's byte stream. Padding files (BEP 47) are part of the
 * layout, so that the real files start where the piece hashes say, but they are never shown as files and
 * never written.
 *
 * @param index the file's number among the torrent's real files (padding files have -1)
 * @param path the safe path of the file, relative to the download root
 * @param length its size in bytes
 * @param offset where it starts in the torrent's byte stream
 * @param padding whether it is a padding file
 */
public record TorrentFile(int index, List<String> path, long length, long offset, boolean padding) {

    public TorrentFile {
        path = List.copyOf(path);
    }

    /** The path joined with '/', as shown to people. */
    public String displayPath() {
        return String.join("/", path);
    }

    /** The byte after the file's last one, in the torrent's byte stream. */
    public long end() {
        return offset + length;
    }
}
