package com.hypertube.source.release;

import java.util.List;
import java.util.Set;

/** Finds the release group, which names put in one of four places. */
final class Groups {

    /**
     * Groups known to append their name with a dot or a space instead of a dash ("...x264.YIFY"). A list,
     * because any last word would also catch "Hindi", "Dual.Audio" and the like.
     */
    private static final Set<String> UNDASHED = Set.of("yify", "yts", "rarbg", "etrg", "tigole", "qxr", "psa");

    private static final int CRC_LENGTH = 8;

    /** A leading "[Group]" and the index of the first token after it, where the title starts. */
    record Leading(String group, int titleStart) {}

    private Groups() {}

    /** The fansub style "[SubsPlease] Title - 01", unless the bracket only holds tags ("[1080p] Title"). */
    static Leading leading(String name, int end, List<Token> tokens) {
        int open = 0;
        while (open < end && Character.isWhitespace(name.charAt(open))) {
            open++;
        }
        int close = open < end && name.charAt(open) == '[' ? name.indexOf(']', open) : -1;
        if (close < 0 || close >= end) {
            return null;
        }
        boolean onlyTags = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.start() > close) {
                return onlyTags
                        ? null
                        : new Leading(name.substring(open + 1, close).strip(), i);
            }
            onlyTags &= Tags.find(token.lower()) != null || Tokens.number(token.lower()) >= 0;
        }
        return null;
    }

    /**
     * The group: "x264-GROUP" (before any trailing "[eztv.re]"), else a leading "[Group]", else a trailing
     * "[GROUP]" (YTS writes "[YTS.MX]"), else a known undashed group. Only tokens past {@code titleEnd}
     * qualify at the end, so that "Spider-Man" does not name a group "Man".
     */
    static String find(String name, int end, List<Token> tokens, boolean[] used, int titleEnd, Leading leading) {
        String dashed = dashed(name, end, tokens, used, titleEnd);
        if (dashed != null) {
            return dashed;
        }
        if (leading != null) {
            return leading.group();
        }
        String bracketed = bracketed(name, end, tokens, used, titleEnd);
        if (bracketed != null) {
            return bracketed;
        }
        int last = tokens.size() - 1;
        boolean undashed = last > titleEnd
                && !used[last]
                && UNDASHED.contains(tokens.get(last).lower());
        return undashed ? tokens.get(last).text() : null;
    }

    private static String dashed(String name, int end, List<Token> tokens, boolean[] used, int titleEnd) {
        int core = trimEnd(name, end);
        while (core > 0 && name.charAt(core - 1) == ']') {
            int open = name.lastIndexOf('[', core - 1);
            if (open < 0) {
                break;
            }
            core = trimEnd(name, open);
        }
        int start = core;
        while (start > 0 && Character.isLetterOrDigit(name.charAt(start - 1))) {
            start--;
        }
        // "x264-GRP" but not "Title - 01": the dash must join two words.
        if (start == core || start < 2 || name.charAt(start - 1) != '-' || Tokens.isSeparator(name.charAt(start - 2))) {
            return null;
        }
        for (int i = titleEnd + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.start() == start) {
                boolean plain = token.end() == core && !used[i] && Tokens.number(token.lower()) < 0;
                return plain && hasLetter(token.text()) ? token.text() : null;
            }
        }
        return null;
    }

    private static String bracketed(String name, int end, List<Token> tokens, boolean[] used, int titleEnd) {
        int close = trimEnd(name, end) - 1;
        int open = close > 0 && name.charAt(close) == ']' ? name.lastIndexOf('[', close) : -1;
        if (open < 0) {
            return null;
        }
        boolean inside = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.start() > open && token.end() <= close) {
                if (i <= titleEnd || used[i]) {
                    return null;
                }
                inside = true;
            }
        }
        String content = name.substring(open + 1, close).strip();
        return inside && hasLetter(content) && !isChecksum(content) ? content : null;
    }

    /** Fansubs end names with a CRC32 in brackets: "[F02B9CEE]". */
    private static boolean isChecksum(String content) {
        return content.length() == CRC_LENGTH
                && content.chars()
                        .allMatch(c -> Tokens.isDigit((char) c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static int trimEnd(String name, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(name.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
