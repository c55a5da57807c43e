package com.hypertube.streaming.subtitles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language codes as subtitles name them — ISO 639-2 in a container ({@code eng}, {@code fre} or {@code fra}),
 * a code or an English name in a file name ({@code Film.fr.srt}, {@code 2_French.srt}) — brought to ISO 639-1
 * ({@code en}, {@code fr}), the web app's.
 */
final class Languages {

    private static final Map<String, String> BY_CODE_OR_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.of(code);
            BY_CODE_OR_NAME.put(code, code);
            BY_CODE_OR_NAME.put(locale.getISO3Language(), code);
            BY_CODE_OR_NAME.put(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        // ISO 639-2's bibliographic codes, which Matroska files use as often as the terminology ones.
        String[][] bibliographic = {
            {"fre", "fr"}, {"ger", "de"}, {"dut", "nl"}, {"chi", "zh"}, {"cze", "cs"}, {"gre", "el"}, {"per", "fa"},
            {"rum", "ro"}, {"slo", "sk"}, {"wel", "cy"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"geo", "ka"},
            {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"tib", "bo"}, {"alb", "sq"}
        };
        for (String[] pair : bibliographic) {
            BY_CODE_OR_NAME.put(pair[0], pair[1]);
        }
        BY_CODE_OR_NAME.put("pob", "pt"); // OpenSubtitles' Brazilian Portuguese
    }

    private static final Pattern WORDS = Pattern.compile("[\\p{L}]+");

    private Languages() {}

    /** A container's language tag, as ISO 639-1; empty when absent or {@code und}. */
    static Optional<String> of(String code) {
        return Optional.ofNullable(
                BY_CODE_OR_NAME.get(code.toLowerCase(Locale.ROOT).trim()));
    }

    /** The language a subtitle file's name says, reading its words from the end ({@code Film.2019.fr.srt}). */
    static Optional<String> fromFileName(String name) {
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Matcher words = WORDS.matcher(stem.replace('\\', '/').substring(stem.lastIndexOf('/') + 1));
        java.util.List<String> found = new java.util.ArrayList<>();
        while (words.find()) {
            found.add(words.group().toLowerCase(Locale.ROOT));
        }
        for (String word : found.reversed()) {
            // Codes only as the last word (".fr", ".ita"): inside a title they are often ordinary words ("it",
            // "war"); a language's full name ("French") anywhere.
            if (word.length() <= 3 && word != found.getLast()) {
                continue;
            }
            String language = BY_CODE_OR_NAME.get(word);
            if (language != null && word.length() > 1) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language's English name, for a label. */
    static String name(String code) {
        return Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
    }
}
