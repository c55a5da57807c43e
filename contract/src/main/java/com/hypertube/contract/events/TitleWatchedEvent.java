package com.hypertube.contract.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * media-service saw a user reach the watched threshold (90 %) of a film or an episode, for the first time.
 *
 * @param userId who watched
 * @param titleId the film, or the series the episode belongs to (media-service's id)
 * @param season the episode's season, 0 for a film
 * @param episode the episode's number, 0 for a film
 * @param watchedAt when the report that crossed the threshold arrived
 */
public record TitleWatchedEvent(UUID userId, UUID titleId, int season, int episode, Instant watchedAt)
        implements Event {

    public TitleWatchedEvent {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(titleId, "titleId");
        Objects.requireNonNull(watchedAt, "watchedAt");
    }

    @Override
    public String routingKey() {
        return Events.TITLE_WATCHED;
    }
}
