package com.hypertube.torrent.peer;

import com.hypertube.torrent.metainfo.InfoHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 68-byte handshake that opens every connection: protocol name, 8 reserved bytes announcing
 * extensions, the info hash and the sender's peer id.
 */
public record Handshake(byte[] reserved, InfoHash infoHash, byte[] peerId) {

    public static final int LENGTH = 68;
    private static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    public Handshake {
        if (reserved.length != 8 || peerId.length != 20) {
            throw new IllegalArgumentException("reserved is 8 bytes and the peer id 20");
        }
        reserved = reserved.clone();
        peerId = peerId.clone();
    }

    /** Our handshake: the extension protocol (BEP 10) announced in reserved byte 5. */
    public static Handshake ours(InfoHash infoHash, byte[] peerId) {
        byte[] reserved = new byte[8];
        reserved[5] |= 0x10;
        return new Handshake(reserved, infoHash, peerId);
    }

    public boolean supportsExtensionProtocol() {
        return (reserved[5] & 0x10) != 0;
    }

    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .put((byte) PROTOCOL.length)
                .put(PROTOCOL)
                .put(reserved)
                .put(infoHash.bytes())
                .put(peerId)
                .array();
    }

    public static Handshake decode(byte[] bytes) throws PeerProtocolException {
        if (bytes.length != LENGTH) {
            throw new PeerProtocolException("handshake of " + bytes.length + " bytes, not 68");
        }
        if (bytes[0] != PROTOCOL.length || !Arrays.equals(bytes, 1, 20, PROTOCOL, 0, PROTOCOL.length)) {
            throw new PeerProtocolException("not a BitTorrent handshake");
        }
        return new Handshake(
                Arrays.copyOfRange(bytes, 20, 28),
                InfoHash.of(Arrays.copyOfRange(bytes, 28, 48)),
                Arrays.copyOfRange(bytes, 48, 68));
    }

    @Override
    public byte[] reserved() {
        return reserved.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Handshake that
                && Arrays.equals(reserved, that.reserved)
                && infoHash.equals(that.infoHash)
                && Arrays.equals(peerId, that.peerId);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(reserved) + infoHash.hashCode()) + Arrays.hashCode(peerId);
    }

    @Override
    public String toString() {
        return "Handshake[" + infoHash + ", peer " + new String(peerId, 0, 8, StandardCharsets.ISO_8859_1) + "]";
    }
}
