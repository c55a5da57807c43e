package com.hypertube.media.library;

import com.hypertube.media.catalog.CatalogViews.TitleSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** What the library's endpoints take and answer. */
public final class LibraryViews {

    private LibraryViews() {}

    /**
     * What the player reports a few times a minute.
     *
     * @param titleId the film, or the series an episode belongs to
     * @param season the episode's season (absent for a film)
     * @param episode the episode's number (absent for a film)
     * @param positionSeconds where the player is
     * @param durationSeconds how long the film or episode is
     */
    public record ProgressReport(
            @NotNull UUID titleId,
            @Min(0) @Max(1000) Integer season,
            @Min(0) @Max(10000) Integer episode,
            @NotNull @Min(0) @Max(86_400) Integer positionSeconds,
            @NotNull @Min(1) @Max(86_400) Integer durationSeconds) {}

    /** Where a user is in a film or episode; {@code resumable} when the player should offer to go on. */
    public record Progress(
            UUID titleId,
            int season,
            int episode,
            int positionSeconds,
            int durationSeconds,
            boolean watched,
            boolean resumable,
            Instant updatedAt) {}

    /** An entry of "continue watching" or of the history: the title, and where the user is in it. */
    public record Entry(TitleSummary title, Progress progress) {}
}
