package com.hypertube.torrent.peer;

import java.util.BitSet;

/** Which of a torrent's pieces someone has, with the wire form of the bitfield message. */
public final class Bitfield {

    private final int pieceCount;
    private final BitSet bits;

    public Bitfield(int pieceCount) {
        this.pieceCount = pieceCount;
        this.bits = new BitSet(pieceCount);
    }

    /** Reads a bitfield message: exactly ceil(pieces / 8) bytes, spare bits zero. */
    public static Bitfield fromWire(byte[] wire, int pieceCount) throws PeerProtocolException {
        if (wire.length != (pieceCount + 7) / 8) {
            throw new PeerProtocolException("bitfield of " + wire.length + " bytes for " + pieceCount + " pieces");
        }
        Bitfield bitfield = new Bitfield(pieceCount);
        for (int i = 0; i < wire.length * 8; i++) {
            if ((wire[i / 8] & (0x80 >>> (i % 8))) != 0) {
                if (i >= pieceCount) {
                    throw new PeerProtocolException("bitfield has spare bits set");
                }
                bitfield.bits.set(i);
            }
        }
        return bitfield;
    }

    public byte[] toWire() {
        byte[] wire = new byte[(pieceCount + 7) / 8];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            wire[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return wire;
    }

    public boolean has(int piece) {
        return bits.get(piece);
    }

    public void set(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
        bits.set(piece);
    }

    public void clear(int piece) {
        bits.clear(piece);
    }

    /** Whether any of these pieces is set here too. */
    public boolean intersects(BitSet pieces) {
        return bits.intersects(pieces);
    }

    public int count() {
        return bits.cardinality();
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean isComplete() {
        return count() == pieceCount;
    }

    /** A copy of the set pieces. */
    public BitSet toBitSet() {
        return (BitSet) bits.clone();
    }
}
