package com.hypertube.torrent.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where a path from a torrent becomes a path we may write: relative, made of plain names,
 * so that joined under a download root it can never leave it. Anything else is refused, not repaired:
 * a torrent with such names is hostile or broken, and silently renaming would hide that.
 */
public final class SafePath {

    /** Longest name in bytes: what common filesystems (ext4, NTFS, APFS) accept. */
    static final int MAX_NAME_BYTES = 255;

    /** Longest whole path in bytes, below PATH_MAX once a download root is put in front. */
    static final int MAX_PATH_BYTES = 3072;

    static final int MAX_DEPTH = 64;

    // Names Windows reserves whatever the extension: refused so that a download stays portable.
    private static final Set<String> RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafePath() {}

    /** Checks every component and returns them as an unmodifiable list, or says what is wrong. */
    public static List<String> of(List<String> components) throws MetainfoException {
        if (components.isEmpty()) {
            throw new MetainfoException("empty file path");
        }
        if (components.size() > MAX_DEPTH) {
            throw new MetainfoException("file path deeper than " + MAX_DEPTH + " folders");
        }
        List<String> safe = new ArrayList<>(components.size());
        int totalBytes = 0;
        for (String name : components) {
            checkName(name);
            totalBytes += name.getBytes(StandardCharsets.UTF_8).length + 1;
            safe.add(name);
        }
        if (totalBytes > MAX_PATH_BYTES) {
            throw new MetainfoException("file path longer than " + MAX_PATH_BYTES + " bytes");
        }
        return List.copyOf(safe);
    }

    static void checkName(String name) throws MetainfoException {
        if (name.isEmpty()) {
            throw new MetainfoException("empty name in a file path");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new MetainfoException("'" + name + "' in a file path");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new MetainfoException("name longer than " + MAX_NAME_BYTES + " bytes in a file path");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw new MetainfoException("path separator inside the name " + quoted(name));
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new MetainfoException("control character in the name " + quoted(name));
            }
            if (isBidiControl(c)) {
                throw new MetainfoException("bidirectional control character in the name " + quoted(name));
            }
            if (c == ':' && i == 1 && Character.isLetter(name.charAt(0))) {
                throw new MetainfoException("drive letter in the name " + quoted(name));
            }
            if (c == '\uFFFD') {
                throw new MetainfoException("name that is not valid UTF-8: " + quoted(name));
            }
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
            throw new MetainfoException("reserved device name " + quoted(name));
        }
    }

    // Characters that reorder text on screen, used to disguise "gpj.exe" as "exe.jpg".
    private static boolean isBidiControl(char c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String quoted(String name) {
        StringBuilder shown = new StringBuilder("\"");
        name.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.append('"').toString();
    }
}
