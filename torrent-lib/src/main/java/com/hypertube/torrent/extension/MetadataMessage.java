package com.hypertube.torrent.extension;

import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeEncoder;
import com.hypertube.torrent.bencode.BencodeException;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeLimits;
import com.hypertube.torrent.bencode.BencodeValue;
import com.hypertube.torrent.peer.PeerProtocolException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ut_metadata message (BEP 9): a request for a 16 KiB piece of the info dictionary, the piece itself
 * (a bencoded head followed by the raw bytes), or a refusal.
 */
public record MetadataMessage(Type type, int piece, long totalSize, byte[] data) {

    public static final int PIECE_SIZE = 16 * 1024;

    /** The largest info dictionary we fetch: far above real ones (a few MiB at most). */
    public static final long MAX_METADATA_SIZE = 16L * 1024 * 1024;

    private static final BencodeLimits LIMITS = new BencodeLimits(4, 100, 64);

    public enum Type {
        REQUEST,
        DATA,
        REJECT
    }

    public static MetadataMessage request(int piece) {
        return new MetadataMessage(Type.REQUEST, piece, 0, new byte[0]);
    }

    public static MetadataMessage data(int piece, long totalSize, byte[] data) {
        return new MetadataMessage(Type.DATA, piece, totalSize, data);
    }

    public static MetadataMessage reject(int piece) {
        return new MetadataMessage(Type.REJECT, piece, 0, new byte[0]);
    }

    public byte[] encode() {
        Map<String, BencodeValue> head = new TreeMap<>();
        head.put("msg_type", new BencodeInteger(type.ordinal()));
        head.put("piece", new BencodeInteger(piece));
        if (type == Type.DATA) {
            head.put("total_size", new BencodeInteger(totalSize));
        }
        byte[] encodedHead = BencodeEncoder.encode(new BencodeDictionary(head));
        byte[] message = Arrays.copyOf(encodedHead, encodedHead.length + data.length);
        System.arraycopy(data, 0, message, encodedHead.length, data.length);
        return message;
    }

    public static MetadataMessage decode(byte[] payload) throws PeerProtocolException {
        BencodeDecoder.Prefix prefix;
        try {
            prefix = BencodeDecoder.decodePrefix(payload, LIMITS);
        } catch (BencodeException e) {
            throw new PeerProtocolException("bad ut_metadata message: " + e.getMessage());
        }
        if (!(prefix.value() instanceof BencodeDictionary head)
                || !(head.get("msg_type").orElse(null) instanceof BencodeInteger type)
                || !(head.get("piece").orElse(null) instanceof BencodeInteger piece)
                || type.value() < 0
                || type.value() > 2
                || piece.value() < 0
                || piece.value() > MAX_METADATA_SIZE / PIECE_SIZE) {
            throw new PeerProtocolException("bad ut_metadata message head");
        }
        byte[] data = Arrays.copyOfRange(payload, prefix.end(), payload.length);
        if (data.length > PIECE_SIZE) {
            throw new PeerProtocolException("ut_metadata piece of " + data.length + " bytes");
        }
        long total = head.get("total_size").orElse(null) instanceof BencodeInteger size ? size.value() : 0;
        return new MetadataMessage(Type.values()[(int) type.value()], (int) piece.value(), total, data);
    }
}
