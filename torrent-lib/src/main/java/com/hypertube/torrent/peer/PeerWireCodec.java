package com.hypertube.torrent.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The one place peer messages become bytes and bytes become messages. Every message is a 4-byte
 * big-endian length, then (unless the length is 0, a keep-alive) a 1-byte id and the payload. Lengths are
 * checked against the message kind and against caps before anything is allocated.
 */
public final class PeerWireCodec {

    /** The largest block we send or accept: 128 KiB, well above the 16 KiB everyone asks for. */
    public static final int MAX_BLOCK = 128 * 1024;

    /** The largest message of any kind: a bitfield of a million pieces, or an extension message, fits. */
    public static final int MAX_MESSAGE = 1024 * 1024 + 16;

    static final byte CHOKE = 0;
    static final byte UNCHOKE = 1;
    static final byte INTERESTED = 2;
    static final byte NOT_INTERESTED = 3;
    static final byte HAVE = 4;
    static final byte BITFIELD = 5;
    static final byte REQUEST = 6;
    static final byte PIECE = 7;
    static final byte CANCEL = 8;
    static final byte PORT = 9;
    static final byte EXTENDED = 20;

    private PeerWireCodec() {}

    /**
     * Writes a message to a stream: the bytes of {@link #encode}, but a piece's block goes out from its own
     * array after a 13-byte header instead of being copied into a new one (the upload path sends 16 KiB per
     * block this way).
     */
    public static void writeTo(PeerMessage message, OutputStream out) throws IOException {
        if (message instanceof PeerMessage.Piece piece) {
            out.write(pieceHeader(piece, 0).array());
            out.write(piece.block());
        } else {
            out.write(encode(message));
        }
    }

    public static byte[] encode(PeerMessage message) {
        return switch (message) {
            case PeerMessage.KeepAlive ignored -> new byte[4];
            case PeerMessage.Choke ignored -> header(1, CHOKE).array();
            case PeerMessage.Unchoke ignored -> header(1, UNCHOKE).array();
            case PeerMessage.Interested ignored -> header(1, INTERESTED).array();
            case PeerMessage.NotInterested ignored -> header(1, NOT_INTERESTED).array();
            case PeerMessage.Have have -> header(5, HAVE).putInt(have.piece()).array();
            case PeerMessage.Bitfield bitfield -> {
                byte[] bits = bitfield.bits();
                yield header(1 + bits.length, BITFIELD).put(bits).array();
            }
            case PeerMessage.Request request ->
                header(13, REQUEST)
                        .putInt(request.piece())
                        .putInt(request.offset())
                        .putInt(request.length())
                        .array();
            case PeerMessage.Piece piece ->
                pieceHeader(piece, piece.block().length).put(piece.block()).array();
            case PeerMessage.Cancel cancel ->
                header(13, CANCEL)
                        .putInt(cancel.piece())
                        .putInt(cancel.offset())
                        .putInt(cancel.length())
                        .array();
            case PeerMessage.Port port ->
                header(3, PORT).putShort((short) port.port()).array();
            case PeerMessage.Extended extended ->
                header(2 + extended.payload().length, EXTENDED)
                        .put((byte) extended.extensionId())
                        .put(extended.payload())
                        .array();
            case PeerMessage.Unknown unknown ->
                throw new IllegalArgumentException("unknown messages are only ever received");
        };
    }

    /**
     * Decodes the next whole message at the buffer's position and moves past it; returns null, leaving the
     * buffer as it was, when the message has not fully arrived yet.
     */
    public static PeerMessage decode(ByteBuffer buffer) throws PeerProtocolException {
        if (buffer.remaining() < 4) {
            return null;
        }
        int start = buffer.position();
        int length = buffer.getInt(start);
        checkLength(length);
        if (buffer.remaining() < 4 + length) {
            return null;
        }
        buffer.position(start + 4);
        if (length == 0) {
            return new PeerMessage.KeepAlive();
        }
        int id = buffer.get() & 0xff;
        ByteBuffer payload = buffer.slice(buffer.position(), length - 1);
        buffer.position(buffer.position() + length - 1);
        return decodeBody(id, payload);
    }

    /** Refuses a declared length before a byte of the message is read or allocated. */
    public static void checkLength(int length) throws PeerProtocolException {
        if (length < 0 || length > MAX_MESSAGE) {
            throw new PeerProtocolException("message length " + Integer.toUnsignedString(length) + " is over the cap");
        }
    }

    /** Decodes a message whose length prefix and id were already read; the payload is all of {@code body}. */
    public static PeerMessage decodeBody(int id, ByteBuffer body) throws PeerProtocolException {
        int length = body.remaining();
        return switch (id) {
            case CHOKE -> empty(id, length, new PeerMessage.Choke());
            case UNCHOKE -> empty(id, length, new PeerMessage.Unchoke());
            case INTERESTED -> empty(id, length, new PeerMessage.Interested());
            case NOT_INTERESTED -> empty(id, length, new PeerMessage.NotInterested());
            case HAVE -> {
                expect(id, length, 4);
                yield new PeerMessage.Have(nonNegative(body.getInt(), "piece"));
            }
            case BITFIELD -> {
                byte[] bits = new byte[length];
                body.get(bits);
                yield new PeerMessage.Bitfield(bits);
            }
            case REQUEST, CANCEL -> {
                expect(id, length, 12);
                int piece = nonNegative(body.getInt(), "piece");
                int offset = nonNegative(body.getInt(), "offset");
                int blockLength = body.getInt();
                if (blockLength <= 0 || blockLength > MAX_BLOCK) {
                    throw new PeerProtocolException(
                            "block length " + blockLength + " is not between 1 and " + MAX_BLOCK);
                }
                yield id == REQUEST
                        ? new PeerMessage.Request(piece, offset, blockLength)
                        : new PeerMessage.Cancel(piece, offset, blockLength);
            }
            case PIECE -> {
                if (length < 8 || length - 8 > MAX_BLOCK) {
                    throw new PeerProtocolException("piece message of " + length + " bytes");
                }
                int piece = nonNegative(body.getInt(), "piece");
                int offset = nonNegative(body.getInt(), "offset");
                byte[] block = new byte[length - 8];
                body.get(block);
                yield new PeerMessage.Piece(piece, offset, block);
            }
            case PORT -> {
                expect(id, length, 2);
                yield new PeerMessage.Port(body.getShort() & 0xffff);
            }
            case EXTENDED -> {
                if (length < 1) {
                    throw new PeerProtocolException("extended message without an extension id");
                }
                int extensionId = body.get() & 0xff;
                byte[] payload = new byte[length - 1];
                body.get(payload);
                yield new PeerMessage.Extended(extensionId, payload);
            }
            default -> new PeerMessage.Unknown(id, length);
        };
    }

    private static PeerMessage empty(int id, int length, PeerMessage message) throws PeerProtocolException {
        expect(id, length, 0);
        return message;
    }

    private static void expect(int id, int length, int expected) throws PeerProtocolException {
        if (length != expected) {
            throw new PeerProtocolException("message " + id + " has a " + length + "-byte payload, not " + expected);
        }
    }

    private static int nonNegative(int value, String what) throws PeerProtocolException {
        if (value < 0) {
            throw new PeerProtocolException("negative " + what + " " + value);
        }
        return value;
    }

    /** A piece message's 13 bytes before its block, in a buffer with room for {@code room} bytes more. */
    private static ByteBuffer pieceHeader(PeerMessage.Piece piece, int room) {
        return ByteBuffer.allocate(13 + room)
                .putInt(9 + piece.block().length)
                .put(PIECE)
                .putInt(piece.piece())
                .putInt(piece.offset());
    }

    private static ByteBuffer header(int length, byte id) {
        return ByteBuffer.allocate(4 + length).putInt(length).put(id);
    }
}
