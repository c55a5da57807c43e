package com.hypertube.streaming.subtitles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the WebVTT we serve, after the W3C syntax: the {@code WEBVTT} header line, then cues
 * separated by blank lines, each a timing line {@code HH:MM:SS.mmm --> HH:MM:SS.mmm} with end after start and
 * at least one line of text that contains no {@code -->}. Anything else is an {@link IllegalArgumentException}.
 */
final class WebVttParser {

    private static final Pattern TIMING = Pattern.compile(
            "^(\\d{2,}):([0-5]\\d):([0-5]\\d)\\.(\\d{3}) --> (\\d{2,}):([0-5]\\d):([0-5]\\d)\\.(\\d{3})$");

    private WebVttParser() {}

    static List<Cue> parse(String vtt) {
        if (!vtt.startsWith("WEBVTT\n")) {
            throw new IllegalArgumentException("no WEBVTT header");
        }
        if (vtt.contains("\r")) {
            throw new IllegalArgumentException("carriage returns");
        }
        List<Cue> cues = new ArrayList<>();
        String[] blocks = vtt.substring("WEBVTT\n".length()).split("\n\n");
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.strip().split("\n");
            Matcher timing = TIMING.matcher(lines[0]);
            if (!timing.matches()) {
                throw new IllegalArgumentException("not a timing line: " + lines[0]);
            }
            long start = millis(timing, 1);
            long end = millis(timing, 5);
            if (end <= start || lines.length < 2) {
                throw new IllegalArgumentException("an empty or backwards cue: " + block);
            }
            String text = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, lines.length));
            if (text.contains("-->")) {
                throw new IllegalArgumentException("a timing arrow in a cue's text: " + text);
            }
            cues.add(new Cue(start, end, text));
        }
        return cues;
    }

    private static long millis(Matcher timing, int group) {
        return ((Long.parseLong(timing.group(group)) * 60 + Long.parseLong(timing.group(group + 1))) * 60
                                + Long.parseLong(timing.group(group + 2)))
                        * 1000
                + Long.parseLong(timing.group(group + 3));
    }
}
