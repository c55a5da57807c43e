package com.hypertube.torrent.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** The 20-byte SHA-1 of a torrent's info dictionary: the torrent's identity in the swarm. */
public final class InfoHash {

    public static final int LENGTH = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] bytes;

    private InfoHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static InfoHash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an info hash has 20 bytes, not " + bytes.length);
        }
        return new InfoHash(bytes.clone());
    }

    /** The info hash of these exact info-dictionary bytes. */
    public static InfoHash ofInfo(byte[] infoDictionary) {
        return new InfoHash(sha1(infoDictionary));
    }

    /** Parses 40 hexadecimal digits, in either case. */
    public static InfoHash fromHex(String hex) {
        if (hex.length() != 2 * LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("an info hash is 40 hexadecimal digits");
        }
        return new InfoHash(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
    }

    /** Parses the 32-character base32 form (RFC 4648) some magnet links use. */
    public static InfoHash fromBase32(String base32) {
        String upper = base32.toUpperCase(Locale.ROOT);
        if (upper.length() != 32) {
            throw new IllegalArgumentException("a base32 info hash is 32 characters");
        }
        byte[] out = new byte[LENGTH];
        long buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < upper.length(); i++) {
            int value = BASE32.indexOf(upper.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + upper.charAt(i) + "' is not a base32 character");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >> bits);
            }
        }
        return new InfoHash(out);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InfoHash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
