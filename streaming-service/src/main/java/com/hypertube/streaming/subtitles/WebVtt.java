package com.hypertube.streaming.subtitles;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes cues as WebVTT: the header, then each cue's timing ({@code HH:MM:SS.mmm}) and text. SubRip's italic,
 * bold and underline tags stay (WebVTT has them); any other markup is written as text, so that nothing in a
 * subtitle can look like a WebVTT tag or timing to the browser.
 */
final class WebVtt {

    private static final Pattern KEPT_TAG = Pattern.compile("&lt;(/?[ibu])&gt;", Pattern.CASE_INSENSITIVE);
    private static final Pattern FONT_TAG = Pattern.compile("</?font[^>]*>", Pattern.CASE_INSENSITIVE);
    /** ASS override blocks ({@code {\an8}}, {@code {\c&H00FFFF&}}) that ffmpeg leaves in the text it converts. */
    private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");

    private WebVtt() {}

    static String write(List<Cue> cues) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (Cue cue : cues) {
            vtt.append(time(cue.startMillis()))
                    .append(" --> ")
                    .append(time(cue.endMillis()))
                    .append('\n');
            vtt.append(text(cue.text())).append("\n\n");
        }
        return vtt.toString();
    }

    private static String text(String text) {
        // SubRip colours and ASS overrides: WebVTT styles cues otherwise.
        String plain = ASS_OVERRIDE
                .matcher(FONT_TAG.matcher(text).replaceAll(""))
                .replaceAll("")
                .replace("\\N", "\n");
        String escaped = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // A blank line would end the cue, and "-->" would read as a timing.
        escaped = escaped.replace("--&gt;", "-&gt;").replaceAll("\n\\s*\n", "\n");
        return KEPT_TAG.matcher(escaped)
                .replaceAll(match -> "<" + match.group(1).toLowerCase(Locale.ROOT) + ">");
    }

    private static String time(long millis) {
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }
}
