package com.hypertube.torrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A byte string: text in most places, raw bytes in others (piece hashes, compact peers, peer ids). */
public final class BencodeString implements BencodeValue {

    private final byte[] bytes;

    public BencodeString(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static BencodeString of(String utf8) {
        return new BencodeString(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BencodeString string && Arrays.equals(bytes, string.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        boolean printable = true;
        for (byte b : bytes) {
            printable &= b >= 0x20 && b < 0x7f;
        }
        return printable
                ? "\"" + new String(bytes, StandardCharsets.US_ASCII) + "\""
                : "0x" + HexFormat.of().formatHex(bytes);
    }
}
