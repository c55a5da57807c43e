package com.hypertube.torrent.extension;

import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeEncoder;
import com.hypertube.torrent.bencode.BencodeException;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeLimits;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import com.hypertube.torrent.peer.PeerProtocolException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The BEP 10 handshake (extended message 0): which extensions the sender speaks and under which message
 * id it wants to receive each, plus the size of the torrent's metadata when it has it.
 *
 * @param extensions extension name to the id the sender wants it sent under (0: disabled)
 * @param metadataSize the info dictionary's size in bytes, 0 when unknown
 * @param client the sender's client name, or empty
 * @param maxRequests {@code reqq}: the most requests the sender keeps queued, 0 when it did not say; a
 *     client may drop requests beyond it silently (Transmission does, at 512)
 * @param listenPort {@code p}: the port the sender accepts connections on, 0 when it did not say
 */
public record ExtensionHandshake(
        Map<String, Integer> extensions, long metadataSize, String client, int maxRequests, int listenPort) {

    public static final String UT_METADATA = "ut_metadata";

    /** The id under which we want ut_metadata messages. */
    public static final int OUR_UT_METADATA_ID = 3;

    /**
     * The {@code reqq} we announce. We answer requests as they come, queueing none, so any number would do;
     * this is the deepest pipeline we keep ourselves, and libtorrent's default is about the same (500).
     */
    public static final int OUR_MAX_REQUESTS = 512;

    private static final BencodeLimits LIMITS = new BencodeLimits(8, 1_000, 4_096);

    public ExtensionHandshake {
        extensions = Map.copyOf(extensions);
    }

    /** @param listenPort the port we accept peers on, 0 when we do not listen */
    public static ExtensionHandshake ours(long metadataSize, int listenPort) {
        return new ExtensionHandshake(
                Map.of(UT_METADATA, OUR_UT_METADATA_ID),
                metadataSize,
                "Hypertube",
                OUR_MAX_REQUESTS,
                Math.max(0, listenPort));
    }

    public int idOf(String extension) {
        return extensions.getOrDefault(extension, 0);
    }

    public byte[] encode() {
        Map<String, BencodeValue> root = new TreeMap<>();
        Map<String, BencodeValue> m = new TreeMap<>();
        extensions.forEach((name, id) -> m.put(name, new BencodeInteger(id)));
        root.put("m", new BencodeDictionary(m));
        if (metadataSize > 0) {
            root.put("metadata_size", new BencodeInteger(metadataSize));
        }
        if (listenPort > 0) {
            root.put("p", new BencodeInteger(listenPort));
        }
        if (maxRequests > 0) {
            root.put("reqq", new BencodeInteger(maxRequests));
        }
        root.put("v", BencodeString.of(client));
        return BencodeEncoder.encode(new BencodeDictionary(root));
    }

    public static ExtensionHandshake decode(byte[] payload) throws PeerProtocolException {
        BencodeValue value;
        try {
            value = BencodeDecoder.decode(payload, LIMITS);
        } catch (BencodeException e) {
            throw new PeerProtocolException("bad extension handshake: " + e.getMessage());
        }
        if (!(value instanceof BencodeDictionary root)) {
            throw new PeerProtocolException("extension handshake is not a dictionary");
        }
        Map<String, Integer> extensions = new HashMap<>();
        if (root.get("m").orElse(null) instanceof BencodeDictionary m) {
            m.entries().forEach((name, id) -> {
                if (id instanceof BencodeInteger integer && integer.value() > 0 && integer.value() < 256) {
                    extensions.put(name, (int) integer.value());
                }
            });
        }
        long size = root.get("metadata_size").orElse(null) instanceof BencodeInteger integer ? integer.value() : 0;
        String client = root.get("v").orElse(null) instanceof BencodeString string ? string.utf8() : "";
        long reqq = root.get("reqq").orElse(null) instanceof BencodeInteger integer ? integer.value() : 0;
        long port = root.get("p").orElse(null) instanceof BencodeInteger integer ? integer.value() : 0;
        return new ExtensionHandshake(
                extensions,
                Math.max(0, size),
                client,
                (int) Math.clamp(reqq, 0, Integer.MAX_VALUE),
                port > 0 && port < 65536 ? (int) port : 0);
    }
}
