package com.hypertube.torrent.metainfo;

import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeList;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an info dictionary (BEP 3), including the v1 side of a hybrid v1+v2 torrent and its padding
 * files (BEP 47), within limits that keep a hostile torrent from costing memory or writing anywhere.
 */
public final class InfoParser {

    /** The most pieces a torrent may have: 1 Mi pieces is 20 MiB of hashes, more than any real torrent. */
    static final int MAX_PIECES = 1 << 20;

    static final int MAX_FILES = 100_000;

    /** 256 MiB: larger pieces would be held in memory while verified. */
    public static final long MAX_PIECE_LENGTH = 256L * 1024 * 1024;

    private InfoParser() {}

    public static TorrentInfo parse(BencodeDictionary info) throws MetainfoException {
        String name = nameOf(info);
        long pieceLength = integer(info, "piece length");
        if (pieceLength <= 0 || pieceLength > MAX_PIECE_LENGTH) {
            throw new MetainfoException("piece length " + pieceLength + " is not between 1 and " + MAX_PIECE_LENGTH);
        }
        if (info.get("pieces").isEmpty()) {
            throw new MetainfoException(
                    info.get("file tree").isPresent()
                            ? "a v2-only torrent: only v1 and hybrid torrents are supported"
                            : "no pieces in the info dictionary");
        }
        byte[] pieces = string(info, "pieces").bytes();
        if (pieces.length % TorrentInfo.HASH_LENGTH != 0) {
            throw new MetainfoException("pieces is " + pieces.length + " bytes, not a multiple of 20");
        }
        if (pieces.length / TorrentInfo.HASH_LENGTH > MAX_PIECES) {
            throw new MetainfoException("more than " + MAX_PIECES + " pieces");
        }
        List<TorrentFile> layout = layout(info, name);
        long total = layout.isEmpty() ? 0 : layout.getLast().end();
        long expectedPieces = (total + pieceLength - 1) / pieceLength;
        if (expectedPieces != pieces.length / TorrentInfo.HASH_LENGTH) {
            throw new MetainfoException("the files need " + expectedPieces + " pieces but there are "
                    + pieces.length / TorrentInfo.HASH_LENGTH + " piece hashes");
        }
        boolean privateTorrent = info.get("private").orElse(null) instanceof BencodeInteger flag && flag.value() == 1;
        return new TorrentInfo(name, pieceLength, pieces, layout, privateTorrent);
    }

    private static List<TorrentFile> layout(BencodeDictionary info, String name) throws MetainfoException {
        BencodeValue files = info.get("files").orElse(null);
        if (files == null) {
            long length = length(info);
            return List.of(new TorrentFile(0, SafePath.of(List.of(name)), length, 0, false));
        }
        if (info.get("length").isPresent()) {
            throw new MetainfoException("both length and files in the info dictionary");
        }
        if (!(files instanceof BencodeList list) || list.values().isEmpty()) {
            throw new MetainfoException("files is not a non-empty list");
        }
        if (list.values().size() > MAX_FILES) {
            throw new MetainfoException("more than " + MAX_FILES + " files");
        }
        List<TorrentFile> layout = new ArrayList<>();
        long offset = 0;
        int index = 0;
        for (BencodeValue entry : list.values()) {
            if (!(entry instanceof BencodeDictionary file)) {
                throw new MetainfoException("a file entry is not a dictionary");
            }
            long length = length(file);
            List<String> path = new ArrayList<>();
            path.add(name);
            path.addAll(pathOf(file));
            boolean padding = isPadding(file, path);
            layout.add(new TorrentFile(padding ? -1 : index++, SafePath.of(path), length, offset, padding));
            try {
                offset = Math.addExact(offset, length);
            } catch (ArithmeticException e) {
                throw new MetainfoException("the files add up to more bytes than can be counted");
            }
        }
        return layout;
    }

    // BEP 47 marks padding with attr "p"; older creators named them ".pad/..." or "_____padding_file_...".
    private static boolean isPadding(BencodeDictionary file, List<String> path) {
        if (file.get("attr").orElse(null) instanceof BencodeString attr
                && attr.utf8().contains("p")) {
            return true;
        }
        String last = path.getLast();
        return (path.size() > 2 && path.get(1).equals(".pad")) || last.startsWith("_____padding_file_");
    }

    private static List<String> pathOf(BencodeDictionary file) throws MetainfoException {
        BencodeValue value = file.get("path.utf-8").or(() -> file.get("path")).orElse(null);
        if (!(value instanceof BencodeList list) || list.values().isEmpty()) {
            throw new MetainfoException("a file has no path");
        }
        List<String> path = new ArrayList<>();
        for (BencodeValue component : list.values()) {
            if (!(component instanceof BencodeString string)) {
                throw new MetainfoException("a file path holds something other than names");
            }
            path.add(string.utf8());
        }
        return path;
    }

    private static String nameOf(BencodeDictionary info) throws MetainfoException {
        BencodeValue name = info.get("name.utf-8").or(() -> info.get("name")).orElse(null);
        if (!(name instanceof BencodeString string)) {
            throw new MetainfoException("no name in the info dictionary");
        }
        String text = string.utf8();
        SafePath.checkName(text);
        return text;
    }

    private static long length(BencodeDictionary dictionary) throws MetainfoException {
        long length = integer(dictionary, "length");
        if (length < 0) {
            throw new MetainfoException("negative file length " + length);
        }
        return length;
    }

    private static long integer(BencodeDictionary dictionary, String key) throws MetainfoException {
        if (!(dictionary.get(key).orElse(null) instanceof BencodeInteger integer)) {
            throw new MetainfoException("no integer '" + key + "'");
        }
        return integer.value();
    }

    private static BencodeString string(BencodeDictionary dictionary, String key) throws MetainfoException {
        if (!(dictionary.get(key).orElse(null) instanceof BencodeString string)) {
            throw new MetainfoException("no string '" + key + "'");
        }
        return string;
    }
}
