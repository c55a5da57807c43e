package com.hypertube.source.provider;

import com.hypertube.torrent.metainfo.InfoHash;
import java.util.Optional;

/** Reads the info hash a provider gives: 40 hex digits or the 32-character base32 form, nothing else. */
final class InfoHashes {

    private InfoHashes() {}

    /** The hash, or empty for anything that is not one (never an exception: providers send junk). */
    static Optional<InfoHash> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hash = text.strip();
        // Checked in ASCII first: torrent-lib's parsers go through Character.digit and toUpperCase, which also
        // take look-alikes (a fullwidth 'Ａ', a dotless 'ı') that no provider means as a hash.
        if (hash.length() == 40 && hash.chars().allMatch(InfoHashes::isHex)) {
            return Optional.of(InfoHash.fromHex(hash));
        }
        if (hash.length() == 32 && hash.chars().allMatch(InfoHashes::isBase32)) {
            return Optional.of(InfoHash.fromBase32(hash));
        }
        return Optional.empty();
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase32(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
    }
}
