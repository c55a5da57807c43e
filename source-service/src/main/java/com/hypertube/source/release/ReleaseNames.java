package com.hypertube.source.release;

import java.util.List;
import java.util.Locale;

/**
 * Reads a BitTorrent release name ("The.Matrix.1999.1080p.BluRay.x264-GROUP", "The Matrix (1999) [1080p]
 * [BluRay] [YTS.MX]", "Show.S01E03.1080p.WEB.H264-GROUP[eztv.re].mkv") into a {@link ReleaseInfo}.
 *
 * <p>The title ends at the first of: the year, the season/episode marker, or a tag that is never a word of
 * a title (1080p, x264, BluRay...). The year is the last one before the tags that is not the title's first
 * word, so "2001 A Space Odyssey 1968" is from 1968 and "1917.1080p" has no year. Tags that double as
 * words (WEB, CAM, TS, Opus, DV, 4K, a bare 5.1) count only after the title.
 *
 * <p>It is written without regular expressions and is linear in the length of the name, so no name can make
 * it slow; and it throws only for null or over-long input.
 */
public final class ReleaseNames {

    /** Longer names are not release names; the limit also bounds the work done for one request. */
    public static final int MAX_LENGTH = 1_000;

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2099;

    private ReleaseNames() {}

    /**
     * @throws IllegalArgumentException if {@code name} is null or longer than {@link #MAX_LENGTH} characters
     */
    public static ReleaseInfo parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The release name is missing");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A release name has at most " + MAX_LENGTH + " characters; this one has " + name.length());
        }
        var draft = new Draft();
        int end = stripExtension(name, draft);
        List<Token> tokens = Tokens.split(name, end);
        Groups.Leading leading = Groups.leading(name, end, tokens);
        int from = leading == null ? 0 : leading.titleStart();
        boolean[] used = new boolean[tokens.size()];

        Episodes.Marker marker = Episodes.find(name, tokens, from, leading != null);
        int tagsAt = tokens.size();
        if (marker != null) {
            tagsAt = marker.index();
            for (int i = marker.index(); i < marker.index() + marker.length(); i++) {
                used[i] = true;
            }
        }
        List<TagScanner.Match> matches = TagScanner.scan(tokens, from, used);
        for (TagScanner.Match match : matches) {
            if (!match.weak()) {
                tagsAt = Math.min(tagsAt, match.index());
                break;
            }
        }
        int year = -1;
        int titleEnd = tagsAt;
        for (int i = from + 1; i < tagsAt; i++) {
            int value = yearAt(tokens.get(i));
            if (value >= 0) {
                year = value;
                titleEnd = i;
            }
        }
        for (TagScanner.Match match : matches) {
            if (match.index() >= titleEnd) {
                match.effect().accept(draft);
            }
        }
        return draft.toInfo(
                Groups.find(name, end, tokens, used, titleEnd, leading),
                marker == null ? Episodes.NONE : marker.season(),
                marker == null ? Episodes.NONE : marker.episode(),
                Titles.of(name, tokens, from, titleEnd),
                year);
    }

    private static int yearAt(Token token) {
        int value = token.text().length() == 4 ? Tokens.number(token.text()) : -1;
        return value >= FIRST_YEAR && value <= LAST_YEAR ? value : -1;
    }

    /**
     * The end of the name without its file extension, noting the container it names. Only a lower-case
     * ".ts" is an extension: an upper-case "TS" at the end is a telesync tag.
     */
    private static int stripExtension(String name, Draft draft) {
        int end = name.stripTrailing().length();
        if (name.regionMatches(true, end - ".torrent".length(), ".torrent", 0, ".torrent".length())) {
            end -= ".torrent".length();
        }
        int dot = name.lastIndexOf('.', end - 1);
        if (dot < 0 || end - dot > 5) {
            return end;
        }
        String extension = name.substring(dot + 1, end);
        Container container =
                switch (extension.toLowerCase(Locale.ROOT)) {
                    case "mkv" -> Container.MKV;
                    case "mp4" -> Container.MP4;
                    case "avi" -> Container.AVI;
                    case "webm" -> Container.WEBM;
                    case "m4v" -> Container.M4V;
                    case "m2ts" -> Container.TS;
                    case "ts" -> extension.equals("ts") ? Container.TS : null;
                    default -> null;
                };
        if (container == null) {
            return end;
        }
        draft.container(container);
        return dot;
    }
}
