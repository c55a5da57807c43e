package com.hypertube.source.provider;

import com.hypertube.source.release.ReleaseInfo;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a release name is the title asked for, for a provider that has only names to go by (the local
 * folder). Titles are compared normalized: accents, case and punctuation do not count ("Amélie" is "Amelie",
 * "Spider-Man" is "Spider Man", "&" is "and").
 */
final class TitleMatch {

    private TitleMatch() {}

    /**
     * A film matches on its title and, when the search gives a year, on that year (a name without a year does
     * not match then: a remake has the same title). An episode matches on the show's title, season and episode.
     */
    static boolean matches(ReleaseInfo release, TitleQuery query) {
        if (release.title().isEmpty() || !normalize(release.title().get()).equals(normalize(query.title()))) {
            return false;
        }
        if (query.isEpisode()) {
            return release.season().isPresent()
                    && release.episode().isPresent()
                    && release.season().getAsInt() == query.season()
                    && release.episode().getAsInt() == query.episode();
        }
        if (release.season().isPresent()) {
            return false; // an episode of a show named like the film
        }
        return query.year() == null
                || (release.year().isPresent() && release.year().getAsInt() == query.year());
    }

    static String normalize(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ");
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }
}
