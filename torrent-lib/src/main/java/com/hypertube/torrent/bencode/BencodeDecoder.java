package com.hypertube.torrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decodes one bencoded value from a byte array. Strict: integers and string lengths in canonical form
 * (no leading zeros, no {@code -0}), dictionary keys in strictly ascending raw-byte order, nothing after
 * the value. Bounded by {@link BencodeLimits}. Not thread-safe; use one per input.
 */
public final class BencodeDecoder {

    private final byte[] input;
    private final BencodeLimits limits;
    private int position;
    private int tokens;

    private BencodeDecoder(byte[] input, BencodeLimits limits) {
        this.input = input;
        this.limits = limits;
    }

    public static BencodeValue decode(byte[] input) throws BencodeException {
        return decode(input, BencodeLimits.DEFAULT);
    }

    public static BencodeValue decode(byte[] input, BencodeLimits limits) throws BencodeException {
        BencodeDecoder decoder = new BencodeDecoder(input, limits);
        BencodeValue value = decoder.value(0);
        if (decoder.position != input.length) {
            throw new BencodeException("trailing data after the value", decoder.position);
        }
        return value;
    }

    /**
     * Decodes the value at the start of the input and says where it ended, for messages whose bencoded
     * head is followed by raw bytes (ut_metadata pieces).
     */
    public static Prefix decodePrefix(byte[] input, BencodeLimits limits) throws BencodeException {
        BencodeDecoder decoder = new BencodeDecoder(input, limits);
        BencodeValue value = decoder.value(0);
        return new Prefix(value, decoder.position);
    }

    /** A value decoded from the start of an input, and the offset right after it. */
    public record Prefix(BencodeValue value, int end) {}

    private BencodeValue value(int depth) throws BencodeException {
        if (++tokens > limits.maxTokens()) {
            throw new BencodeException("more than " + limits.maxTokens() + " values", position);
        }
        int first = peek();
        return switch (first) {
            case 'i' -> integer();
            case 'l' -> list(depth + 1);
            case 'd' -> dictionary(depth + 1);
            default -> {
                if (first >= '0' && first <= '9') {
                    yield new BencodeString(string());
                }
                throw new BencodeException("unexpected byte 0x" + Integer.toHexString(first), position);
            }
        };
    }

    private BencodeInteger integer() throws BencodeException {
        position++; // 'i'
        return new BencodeInteger(number('e', true));
    }

    private byte[] string() throws BencodeException {
        int start = position;
        long length = number(':', false);
        if (length > limits.maxStringLength()) {
            throw new BencodeException(
                    "string of " + length + " bytes is over the limit of " + limits.maxStringLength(), start);
        }
        if (length > input.length - position) {
            throw new BencodeException("string of " + length + " bytes runs past the end of the input", start);
        }
        byte[] bytes = Arrays.copyOfRange(input, position, position + (int) length);
        position += (int) length;
        return bytes;
    }

    /** Reads a canonical decimal number up to {@code terminator}; overflow is an error, not a wrap. */
    private long number(char terminator, boolean signed) throws BencodeException {
        int start = position;
        boolean negative = false;
        if (signed && peek() == '-') {
            negative = true;
            position++;
        }
        int digitsStart = position;
        long value = 0;
        while (peek() != terminator) {
            int digit = input[position] - '0';
            if (digit < 0 || digit > 9) {
                throw new BencodeException("expected a digit or '" + terminator + "'", position);
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw new BencodeException("integer out of range", start);
            }
            value = value * 10 + digit;
            position++;
        }
        int digits = position - digitsStart;
        if (digits == 0) {
            throw new BencodeException("empty number", start);
        }
        if (input[digitsStart] == '0' && (digits > 1 || negative)) {
            throw new BencodeException("non-canonical number (leading zero or -0)", start);
        }
        position++; // terminator
        return negative ? -value : value;
    }

    private BencodeList list(int depth) throws BencodeException {
        checkDepth(depth);
        position++; // 'l'
        List<BencodeValue> values = new ArrayList<>();
        while (peek() != 'e') {
            values.add(value(depth));
        }
        position++;
        return new BencodeList(values);
    }

    private BencodeDictionary dictionary(int depth) throws BencodeException {
        checkDepth(depth);
        int start = position;
        position++; // 'd'
        SortedMap<String, BencodeValue> entries = new TreeMap<>();
        String previous = null;
        while (peek() != 'e') {
            int keyAt = position;
            if (peek() < '0' || peek() > '9') {
                throw new BencodeException("dictionary key is not a string", keyAt);
            }
            if (++tokens > limits.maxTokens()) {
                throw new BencodeException("more than " + limits.maxTokens() + " values", keyAt);
            }
            String key = new String(string(), StandardCharsets.ISO_8859_1);
            if (previous != null && previous.compareTo(key) >= 0) {
                throw new BencodeException(
                        previous.equals(key) ? "duplicate dictionary key" : "dictionary keys out of order", keyAt);
            }
            previous = key;
            entries.put(key, value(depth));
        }
        position++;
        return new BencodeDictionary(entries, Arrays.copyOfRange(input, start, position));
    }

    private void checkDepth(int depth) throws BencodeException {
        if (depth > limits.maxDepth()) {
            throw new BencodeException("nested deeper than " + limits.maxDepth(), position);
        }
    }

    private int peek() throws BencodeException {
        if (position >= input.length) {
            throw new BencodeException("unexpected end of input", position);
        }
        return input[position] & 0xff;
    }
}
