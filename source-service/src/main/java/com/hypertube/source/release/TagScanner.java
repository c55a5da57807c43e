package com.hypertube.source.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Finds the tags of a name, longest first, so "WEB-DL" wins over "WEB" and "DTS-HD.MA" over "DTS". */
final class TagScanner {

    /** Where a tag sits and what it sets; {@code length} is in tokens. */
    record Match(int index, int length, boolean weak, Consumer<Draft> effect) {}

    /** The channel layouts names use; anything else ("1.1", "9.1") is a pair of numbers. */
    private static final Set<String> LAYOUTS = Set.of("1.0", "2.0", "2.1", "5.0", "5.1", "6.1", "7.1");

    private TagScanner() {}

    /** Scans tokens from {@code from} on, skipping and then marking the {@code used} ones. */
    static List<Match> scan(List<Token> tokens, int from, boolean[] used) {
        var matches = new ArrayList<Match>();
        for (int i = from; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            Match match = longest(tokens, i, used);
            if (match == null) {
                match = audioWithChannels(tokens, i, used);
            }
            if (match == null) {
                match = channels(tokens, i, used);
            }
            if (match != null) {
                matches.add(match);
                for (int j = i; j < i + match.length(); j++) {
                    used[j] = true;
                }
                i += match.length() - 1;
            }
        }
        return matches;
    }

    private static Match longest(List<Token> tokens, int index, boolean[] used) {
        int most = Math.min(Tags.MAX_WORDS, tokens.size() - index);
        var key = new StringBuilder();
        String[] keys = new String[most];
        for (int k = 0; k < most && !used[index + k]; k++) {
            keys[k] = key.append(tokens.get(index + k).lower()).toString();
        }
        for (int k = most - 1; k >= 0; k--) {
            Tags.Tag tag = keys[k] == null ? null : Tags.find(keys[k]);
            if (tag != null) {
                return new Match(index, k + 1, tag.weak(), tag.effect());
            }
        }
        return null;
    }

    /** "DDP5.1", "AAC2.0", "DD+7.1": the codec with the channel count glued on, then ".1"/".0". */
    private static Match audioWithChannels(List<Token> tokens, int index, boolean[] used) {
        String word = tokens.get(index).lower();
        int last = word.length() - 1;
        if (last < 1 || !Tokens.isDigit(word.charAt(last))) {
            return null;
        }
        Tags.Tag tag = Tags.find(word.substring(0, last));
        if (tag == null || !tag.audio()) {
            return null;
        }
        int next = index + 1;
        String label = next < tokens.size() && !used[next]
                ? channelLabel(word.substring(last), tokens.get(next).lower())
                : null;
        if (label == null) {
            return new Match(index, 1, tag.weak(), tag.effect());
        }
        return new Match(index, 2, tag.weak(), tag.effect().andThen(d -> d.audioChannels(label)));
    }

    /** A bare "5.1" or "2 0" (YTS writes "[5.1]"); weak, as numbers also sit in titles ("9-1-1"). */
    private static Match channels(List<Token> tokens, int index, boolean[] used) {
        int next = index + 1;
        if (next >= tokens.size() || used[next]) {
            return null;
        }
        String label = channelLabel(tokens.get(index).lower(), tokens.get(next).lower());
        return label == null ? null : new Match(index, 2, true, d -> d.audioChannels(label));
    }

    private static String channelLabel(String major, String minor) {
        if (major.length() != 1 || minor.length() != 1) {
            return null;
        }
        String label = major + "." + minor;
        return LAYOUTS.contains(label) ? label : null;
    }
}
