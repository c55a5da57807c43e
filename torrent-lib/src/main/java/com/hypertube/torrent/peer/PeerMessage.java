package com.hypertube.torrent.peer;

import java.util.Arrays;

/** A message of the peer wire protocol after the handshake (BEP 3, with BEP 5's port and BEP 10's extended). */
public sealed interface PeerMessage {

    /** A zero-length message that keeps an idle connection open. */
    record KeepAlive() implements PeerMessage {}

    record Choke() implements PeerMessage {}

    record Unchoke() implements PeerMessage {}

    record Interested() implements PeerMessage {}

    record NotInterested() implements PeerMessage {}

    record Have(int piece) implements PeerMessage {}

    /** Which pieces the sender has, high bit of the first byte first; spare bits at the end are zero. */
    record Bitfield(byte[] bits) implements PeerMessage {
        public Bitfield {
            bits = bits.clone();
        }

        @Override
        public byte[] bits() {
            return bits.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bitfield bitfield && Arrays.equals(bits, bitfield.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "Bitfield[" + bits.length + " bytes]";
        }
    }

    record Request(int piece, int offset, int length) implements PeerMessage {}

    /** A block of a piece. The array is the message's own: not copied, for speed. */
    record Piece(int piece, int offset, byte[] block) implements PeerMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Piece that
                    && piece == that.piece
                    && offset == that.offset
                    && Arrays.equals(block, that.block);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * piece + offset) + Arrays.hashCode(block);
        }

        @Override
        public String toString() {
            return "Piece[piece=" + piece + ", offset=" + offset + ", length=" + block.length + "]";
        }
    }

    record Cancel(int piece, int offset, int length) implements PeerMessage {}

    /** The sender's DHT port (BEP 5). */
    record Port(int port) implements PeerMessage {}

    /** An extension-protocol message (BEP 10): id 0 is the extension handshake. */
    record Extended(int extensionId, byte[] payload) implements PeerMessage {
        @Override
        public boolean equals(Object other) {
            return other instanceof Extended that
                    && extensionId == that.extensionId
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return 31 * extensionId + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Extended[id=" + extensionId + ", length=" + payload.length + "]";
        }
    }

    /** A message of a kind we do not speak (the fast extension's, say): read, then ignored. */
    record Unknown(int id, int length) implements PeerMessage {}
}
