package com.hypertube.media.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a title that search and name sorting compare: accents removed ("Amélie" → "amelie"), lower case,
 * anything but letters and digits turned into single spaces. Titles are stored in this form beside their real
 * name, and a query is put in it before matching, so both sides agree without a database function.
 */
public final class SearchText {

    /** Longer queries are cut: trigram matching on a page of text helps nobody and costs the database. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String words = NOT_WORD.matcher(plain).replaceAll(" ").strip();
        return words.length() > MAX_LENGTH ? words.substring(0, MAX_LENGTH).strip() : words;
    }
}
