package com.hypertube.source.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits names into words and reads numbers, by hand: no regex, so no input can make it backtrack. */
final class Tokens {

    /** Longer digit runs are never a season, episode or year, and stay clear of int overflow. */
    private static final int MAX_DIGITS = 4;

    private Tokens() {}

    static List<Token> split(String name, int end) {
        var tokens = new ArrayList<Token>();
        int start = -1;
        for (int i = 0; i <= end; i++) {
            boolean separator = i == end || isSeparator(name.charAt(i));
            if (separator && start >= 0) {
                String text = name.substring(start, i);
                tokens.add(new Token(text, text.toLowerCase(Locale.ROOT), start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** '+' is not one: it belongs to DD+ and HDR10+. */
    static boolean isSeparator(char c) {
        return switch (c) {
            case '.', '_', '-', '[', ']', '(', ')', '{', '}', ',', ':', ';', '/', '\\', '|' -> true;
            default -> Character.isWhitespace(c) || Character.isSpaceChar(c);
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Index just past the run of ASCII digits starting at {@code from}. */
    static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The value of an all-digit string of 1 to 4 digits, else -1. */
    static int number(String s) {
        return number(s, 0, s.length());
    }

    static int number(String s, int from, int to) {
        if (to <= from || to - from > MAX_DIGITS || digitsEnd(s, from) < to) {
            return -1;
        }
        return Integer.parseInt(s, from, to, 10);
    }
}
