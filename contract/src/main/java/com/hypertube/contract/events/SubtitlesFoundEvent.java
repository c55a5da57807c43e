package com.hypertube.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * streaming-service listed the subtitle tracks of a video played for a title (the player names the title's IMDb
 * id): these languages can be shown with it. media-service keeps them as the title's "available subtitles".
 *
 * @param imdbId the title's IMDb id, as the player gave it ({@code tt} and digits)
 * @param season the episode's season, 0 for a film
 * @param episode the episode's number, 0 for a film
 * @param languages the text tracks' languages, ISO 639-1, each once
 * @param foundAt when the list was made
 */
public record SubtitlesFoundEvent(String imdbId, int season, int episode, List<String> languages, Instant foundAt)
        implements Event {

    public SubtitlesFoundEvent {
        Objects.requireNonNull(imdbId, "imdbId");
        Objects.requireNonNull(foundAt, "foundAt");
        languages = List.copyOf(languages);
    }

    @Override
    public String routingKey() {
        return Events.SUBTITLES_FOUND;
    }
}
