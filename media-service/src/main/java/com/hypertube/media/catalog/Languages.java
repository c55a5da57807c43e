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
        String first = chosen.split(",", 2)[0].split(";", 2)[0].strip();
        String code = first.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? code : DEFAULT;
    }
}
