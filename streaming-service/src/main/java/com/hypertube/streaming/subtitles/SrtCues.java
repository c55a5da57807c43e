package com.hypertube.streaming.subtitles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (and the WebVTT ffmpeg or a torrent gives, whose cues look the same): blocks separated by blank
 * lines, each a timing line {@code 00:01:02,500 --> 00:01:04,000} and text. A block without a readable timing,
 * with an end before its start, or without text is dropped and counted; the rest of the track stays.
 */
final class SrtCues {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})[,.](\\d{1,3})\\s*-->\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})[,.](\\d{1,3})");

    /** The cues read, and how many blocks were dropped. */
    record Parsed(List<Cue> cues, int dropped) {}

    private SrtCues() {}

    static Parsed parse(String text) {
        List<Cue> cues = new ArrayList<>();
        int dropped = 0;
        for (String block : text.split("\n\\s*\n")) {
            List<String> lines = block.strip().lines().toList();
            if (lines.isEmpty()
                    || lines.getFirst().equals("WEBVTT")
                    || lines.getFirst().startsWith("WEBVTT ")
                    || lines.getFirst().startsWith("NOTE")) {
                continue;
            }
            int timingLine = -1;
            for (int i = 0; i < Math.min(2, lines.size()); i++) {
                if (lines.get(i).contains("-->")) {
                    timingLine = i;
                    break;
                }
            }
            Matcher timing = timingLine < 0 ? null : TIMING.matcher(lines.get(timingLine));
            if (timing == null || !timing.find()) {
                dropped++;
                continue;
            }
            long start = millis(timing, 1);
            long end = millis(timing, 5);
            String cueText = String.join("\n", lines.subList(timingLine + 1, lines.size()))
                    .strip();
            if (end <= start || cueText.isEmpty()) {
                dropped++;
                continue;
            }
            cues.add(new Cue(start, end, cueText));
        }
        return new Parsed(cues, dropped);
    }

    private static long millis(Matcher timing, int group) {
        long hours = timing.group(group) == null ? 0 : Long.parseLong(timing.group(group));
        long minutes = Long.parseLong(timing.group(group + 1));
        long seconds = Long.parseLong(timing.group(group + 2));
        String fraction = timing.group(group + 3);
        long millis = Long.parseLong((fraction + "00").substring(0, 3)); // ",5" is half a second
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }
}
