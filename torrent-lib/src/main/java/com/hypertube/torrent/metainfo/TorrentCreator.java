package com.hypertube.torrent.metainfo;

import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeEncoder;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeList;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Makes a v1 .torrent of a file or of a folder's files (sorted by path, hidden files included). */
public final class TorrentCreator {

    static final long MIN_PIECE_LENGTH = 16 * 1024;
    static final long MAX_AUTO_PIECE_LENGTH = 16 * 1024 * 1024;
    private static final int TARGET_PIECES = 1500;

    private TorrentCreator() {}

    /**
     * @param pieceLength bytes per piece, or 0 to choose a power of two that gives about 1500 pieces
     */
    public static byte[] create(Path source, List<URI> trackers, long pieceLength) throws IOException {
        List<Path> files = filesOf(source);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        long chosen = pieceLength > 0 ? pieceLength : pieceLengthFor(total);

        Map<String, BencodeValue> info = new TreeMap<>();
        info.put("name", BencodeString.of(source.getFileName().toString()));
        info.put("piece length", new BencodeInteger(chosen));
        info.put("pieces", new BencodeString(hashPieces(files, chosen)));
        if (Files.isDirectory(source)) {
            List<BencodeValue> entries = new ArrayList<>();
            for (Path file : files) {
                List<BencodeValue> path = new ArrayList<>();
                source.relativize(file).forEach(name -> path.add(BencodeString.of(name.toString())));
                entries.add(new BencodeDictionary(
                        Map.of("length", new BencodeInteger(Files.size(file)), "path", new BencodeList(path))));
            }
            info.put("files", new BencodeList(entries));
        } else {
            info.put("length", new BencodeInteger(total));
        }

        Map<String, BencodeValue> root = new TreeMap<>();
        root.put("info", new BencodeDictionary(info));
        root.put("created by", BencodeString.of("Hypertube torrent-lib"));
        if (!trackers.isEmpty()) {
            root.put("announce", BencodeString.of(trackers.getFirst().toString()));
            root.put(
                    "announce-list",
                    new BencodeList(trackers.stream()
                            .map(url -> (BencodeValue) new BencodeList(List.of(BencodeString.of(url.toString()))))
                            .toList()));
        }
        return BencodeEncoder.encode(new BencodeDictionary(root));
    }

    static long pieceLengthFor(long totalBytes) {
        long length = MIN_PIECE_LENGTH;
        while (length < MAX_AUTO_PIECE_LENGTH && totalBytes / length > TARGET_PIECES) {
            length *= 2;
        }
        return length;
    }

    private static List<Path> filesOf(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            throw new IOException(source + " is neither a file nor a folder");
        }
        try (Stream<Path> walk = Files.walk(source)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new IOException(source + " holds no files");
            }
            return files;
        }
    }

    // Pieces run across file boundaries: the files are one byte stream in path order.
    private static byte[] hashPieces(List<Path> files, long pieceLength) throws IOException {
        MessageDigest sha1 = sha1();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long inPiece = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    int at = 0;
                    while (at < read) {
                        int take = (int) Math.min(read - at, pieceLength - inPiece);
                        sha1.update(buffer, at, take);
                        at += take;
                        inPiece += take;
                        if (inPiece == pieceLength) {
                            hashes.writeBytes(sha1.digest());
                            inPiece = 0;
                        }
                    }
                }
            }
        }
        if (inPiece > 0) {
            hashes.writeBytes(sha1.digest());
        }
        return hashes.toByteArray();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
