package com.hypertube.media.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a user reads the catalog in: the {@code language} parameter when given, else the first of the
 * browser's {@code Accept-Language}; only its two-letter code is kept (titles and genres are translated per
 * language, not per country). Anything unreadable is English.
 */
public final class Languages {

    public static final String DEFAULT = "en";

    private static final Pattern CODE = Pattern.compile("[a-z]{2}");

    private Languages() {}

    public static String pick(String parameter, String acceptLanguage) {
        String chosen = parameter != null && !parameter.isBlank() ? parameter : acceptLanguage;
        if (chosen == null || chosen.isBlank()) {
            return DEFAULT;
        }
        // The first tag's primary language: "es-ES,es;q=0.9" → "es"; done by hand, it runs on every list request.
        chosen = chosen.strip();
        int end = 0;
        while (end < chosen.length() && end < 8 && Character.isLetter(chosen.charAt(end))) {
            end++;
        }
        String code = chosen.substring(0, end).toLowerCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? code : DEFAULT;
    }
}
