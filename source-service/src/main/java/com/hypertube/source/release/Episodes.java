package com.hypertube.source.release;

import java.util.List;

/**
 * Finds the season/episode marker: S01E02, S01 E02, S01 (a season pack), 1x02, "Season 1 Episode 2". A lone
 * "Episode 4" is not one: it is how "Star Wars Episode 4 A New Hope" is titled.
 */
final class Episodes {

    static final int NONE = -1;

    /** A marker covering {@code length} tokens from {@code index}; season or episode may be {@link #NONE}. */
    record Marker(int index, int length, int season, int episode) {}

    private Episodes() {}

    /**
     * The first marker from {@code from} on, or null. With {@code absolute} (fansub names, which start with a
     * "[Group]"), a number after " - " is the episode: "[SubsPlease] Frieren - 01 (1080p)".
     */
    static Marker find(String name, List<Token> tokens, int from, boolean absolute) {
        Marker found = null;
        for (int i = from; i < tokens.size() && found == null; i++) {
            found = at(tokens, i);
        }
        if (!absolute || (found != null && found.episode() != NONE)) {
            return found;
        }
        int start = found == null ? from + 1 : found.index() + found.length();
        for (int i = Math.max(start, 1); i < tokens.size(); i++) {
            int episode = absoluteEpisode(name, tokens.get(i - 1), tokens.get(i));
            if (episode != NONE) {
                return found == null
                        ? new Marker(i, 1, NONE, episode)
                        : new Marker(found.index(), found.length(), found.season(), episode);
            }
        }
        return found;
    }

    private static Marker at(List<Token> tokens, int i) {
        String word = tokens.get(i).lower();
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
        if (word.equals("season")) {
            int season = Tokens.number(next);
            if (season < 0 || next.length() > 3) {
                return null;
            }
            String after = i + 2 < tokens.size() ? tokens.get(i + 2).lower() : "";
            int episode = after.equals("episode") && i + 3 < tokens.size()
                    ? Tokens.number(tokens.get(i + 3).lower())
                    : NONE;
            return episode < 0 ? new Marker(i, 2, season, NONE) : new Marker(i, 4, season, episode);
        }
        return word.isEmpty() ? null : word.charAt(0) == 's' ? seasonFirst(word, next, i) : crossed(word, i);
    }

    /** "s01e02", "s01e02e03", "s01" alone or followed by "e02". */
    private static Marker seasonFirst(String word, String next, int i) {
        int seasonEnd = Tokens.digitsEnd(word, 1);
        int season = seasonEnd - 1 <= 3 ? Tokens.number(word, 1, seasonEnd) : -1;
        if (season < 0) {
            return null;
        }
        if (seasonEnd == word.length()) {
            int episode = next.startsWith("e") ? Tokens.number(next, 1, next.length()) : -1;
            return episode < 0 ? new Marker(i, 1, season, NONE) : new Marker(i, 2, season, episode);
        }
        if (word.charAt(seasonEnd) != 'e') {
            return null;
        }
        int episodeEnd = Tokens.digitsEnd(word, seasonEnd + 1);
        int episode = Tokens.number(word, seasonEnd + 1, episodeEnd);
        return episode < 0 || !onlyMoreEpisodes(word, episodeEnd) ? null : new Marker(i, 1, season, episode);
    }

    /** After the first episode only further episodes or a version may follow: "e03", "v2". */
    private static boolean onlyMoreEpisodes(String word, int from) {
        for (int i = from; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != 'e' && c != 'v' && !Tokens.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** "1x02": one or two digits of season and two or three of episode, so "1920x1080" is not one. */
    private static Marker crossed(String word, int i) {
        int seasonEnd = Tokens.digitsEnd(word, 0);
        if (seasonEnd < 1 || seasonEnd > 2 || seasonEnd >= word.length() || word.charAt(seasonEnd) != 'x') {
            return null;
        }
        int episodeLength = word.length() - seasonEnd - 1;
        int episode = episodeLength >= 2 && episodeLength <= 3 ? Tokens.number(word, seasonEnd + 1, word.length()) : -1;
        return episode < 0 ? null : new Marker(i, 1, Tokens.number(word, 0, seasonEnd), episode);
    }

    /** "01" or "01v2" set off by " - " from the word before it. */
    private static int absoluteEpisode(String name, Token before, Token token) {
        String gap = name.substring(before.end(), token.start());
        if (!gap.strip().equals("-") || gap.length() < 2) {
            return NONE;
        }
        String word = token.lower();
        int end = Tokens.digitsEnd(word, 0);
        boolean version = word.length() == end + 2 && word.charAt(end) == 'v' && Tokens.isDigit(word.charAt(end + 1));
        return end == word.length() || version ? Tokens.number(word, 0, end) : NONE;
    }
}
