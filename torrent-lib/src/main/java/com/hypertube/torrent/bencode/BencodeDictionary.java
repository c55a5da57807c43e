package com.hypertube.torrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dictionary. Keys are byte strings, held as ISO-8859-1 text so that any byte maps to one char and
 * the natural order of the text is the raw byte order bencode requires. A decoded dictionary keeps the
 * exact bytes it was read from: an info hash is the SHA-1 of those, not of a re-encoding.
 */
public final class BencodeDictionary implements BencodeValue {

    private final SortedMap<String, BencodeValue> entries;
    private final byte[] raw;

    public BencodeDictionary(Map<String, ? extends BencodeValue> entries) {
        this(new TreeMap<>(entries), null);
    }

    BencodeDictionary(SortedMap<String, BencodeValue> entries, byte[] raw) {
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.raw = raw;
    }

    /** The key as bencode stores it, for a key given as ordinary (ASCII or UTF-8) text. */
    public static String key(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    public SortedMap<String, BencodeValue> entries() {
        return entries;
    }

    public Optional<BencodeValue> get(String key) {
        return Optional.ofNullable(entries.get(key(key)));
    }

    /** The bytes this dictionary was decoded from, or its encoding when it was built in code. */
    public byte[] raw() {
        return raw != null ? raw.clone() : BencodeEncoder.encode(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BencodeDictionary dictionary && entries.equals(dictionary.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString() + (raw != null ? " (" + raw.length + " bytes)" : "");
    }
}
