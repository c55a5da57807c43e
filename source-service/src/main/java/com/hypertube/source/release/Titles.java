package com.hypertube.source.release;

import java.util.List;

/** Joins the title's words back together, keeping what the separators meant. */
final class Titles {

    private Titles() {}

    /** The title of tokens {@code from} (inclusive) to {@code to}, or null when there are none. */
    static String of(String name, List<Token> tokens, int from, int to) {
        if (from >= to) {
            return null;
        }
        var title = new StringBuilder(tokens.get(from).text());
        for (int i = from + 1; i < to; i++) {
            Token before = tokens.get(i - 1);
            Token token = tokens.get(i);
            title.append(glue(name.substring(before.end(), token.start()), before, token))
                    .append(token.text());
        }
        return title.toString();
    }

    /**
     * A lone dash is part of the title ("Spider-Man", "9-1-1"), a spaced one a subtitle break ("Mission
     * Impossible - Dead Reckoning"), and dots between single letters an acronym ("S.W.A.T"). Anything else
     * is a word break.
     */
    private static String glue(String gap, Token before, Token after) {
        if (gap.equals("-")) {
            return "-";
        }
        if (gap.equals(".") && isLetter(before) && isLetter(after)) {
            return ".";
        }
        boolean spaced = gap.chars().anyMatch(Character::isWhitespace);
        return spaced && gap.strip().equals("-") ? " - " : " ";
    }

    private static boolean isLetter(Token token) {
        return token.text().length() == 1 && Character.isLetter(token.text().charAt(0));
    }
}
