package com.hypertube.source.provider;

import java.util.regex.Pattern;

/**
 * What a search is for: a film ({@code season} and {@code episode} null) or one episode of a series (then
 * {@code imdbId} and {@code title} are the show's, and {@code year} is not used).
 *
 * @param imdbId the IMDb id, {@code tt} and digits: every provider but the local folder searches by it
 * @param year the film's year, when known
 */
public record TitleQuery(String imdbId, String title, Integer year, Integer season, Integer episode) {

    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{1,10}");

    public TitleQuery {
        if (imdbId == null || !IMDB_ID.matcher(imdbId).matches()) {
            throw new IllegalArgumentException("An IMDb id is tt followed by digits");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("The title is missing");
        }
        if ((season == null) != (episode == null)) {
            throw new IllegalArgumentException("An episode has both a season and an episode number");
        }
        if (season != null && (season < 0 || episode < 0)) {
            throw new IllegalArgumentException("Season and episode numbers are not negative");
        }
        title = title.strip();
    }

    public static TitleQuery film(String imdbId, String title, Integer year) {
        return new TitleQuery(imdbId, title, year, null, null);
    }

    public static TitleQuery episode(String showImdbId, String showTitle, int season, int episode) {
        return new TitleQuery(showImdbId, showTitle, null, season, episode);
    }

    public boolean isEpisode() {
        return season != null;
    }

    /** The digits of the IMDb id, as EZTV wants them. */
    String imdbDigits() {
        return imdbId.substring(2);
    }

    /** "S01E03", the marker release names use. */
    String episodeMarker() {
        return "S%02dE%02d".formatted(season, episode);
    }
}
