package com.hypertube.media.library;

import com.hypertube.contract.events.TitleWatchedEvent;
import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.catalog.CatalogViews.TitleSummary;
import com.hypertube.media.catalog.Languages;
import com.hypertube.media.catalog.ViewerMarks;
import com.hypertube.media.library.LibraryViews.Entry;
import com.hypertube.media.library.LibraryViews.Progress;
import com.hypertube.media.library.LibraryViews.ProgressReport;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import com.hypertube.web.events.EventPublisher;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What each user watched and where they stopped: the player reports, the library page reads. */
@RestController
class LibraryController {

    private static final int CONTINUE_SHOWN = 20;
    private static final int HISTORY_PAGE = 50;
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private final ProgressRepository progress;
    private final EventPublisher events;
    private final CatalogService catalog;
    private final ViewerMarks marks;
    private final InstantSource clock;

    LibraryController(
            ProgressRepository progress,
            CatalogService catalog,
            ViewerMarks marks,
            EventPublisher events,
            InstantSource clock) {
        this.progress = progress;
        this.events = events;
        this.marks = marks;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Operation(
            summary = "Report where the player is",
            description = "A few times a minute while playing. Past 90 % the film or episode is watched; between"
                    + " 5 % and 90 % it is offered to resume.")
    @PutMapping("/api/library/progress")
    Progress report(Caller caller, @Valid @RequestBody ProgressReport report) {
        UUID user = caller.requireUser();
        if (report.positionSeconds() > report.durationSeconds()) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST, "invalid-parameter", "positionSeconds must not be past durationSeconds.");
        }
        if ((report.season() == null) != (report.episode() == null)) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-parameter",
                    "season and episode go together: both for an episode, neither for a film.");
        }
        if (!progress.titleExists(report.titleId())) {
            throw ProblemTypes.error(HttpStatus.NOT_FOUND, "title-not-found", "No film or series has this id.");
        }
        ProgressRepository.Recorded recorded = progress.record(
                user,
                report.titleId(),
                report.season() == null ? 0 : report.season(),
                report.episode() == null ? 0 : report.episode(),
                report.positionSeconds(),
                report.durationSeconds(),
                clock.instant());
        marks.forget(user);
        Progress stored = recorded.progress();
        if (recorded.firstWatched()) {
            events.publish(new TitleWatchedEvent(
                    user, stored.titleId(), stored.season(), stored.episode(), stored.updatedAt()));
        }
        return stored;
    }

    @Operation(summary = "Where the user is in a film (or, with season and episode, an episode)")
    @GetMapping("/api/library/progress/{titleId}")
    Progress position(
            Caller caller,
            @PathVariable UUID titleId,
            @RequestParam(defaultValue = "0") int season,
            @RequestParam(defaultValue = "0") int episode) {
        return progress.find(caller.requireUser(), titleId, season, episode)
                .orElseThrow(() ->
                        ProblemTypes.error(HttpStatus.NOT_FOUND, "no-progress", "This user has not played this yet."));
    }

    @Operation(summary = "Continue watching: what the user started and did not finish, most recent first")
    @GetMapping("/api/library/continue")
    List<Entry> continueWatching(
            Caller caller,
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        UUID user = caller.requireUser();
        return entries(progress.resumable(user, CONTINUE_SHOWN), user, Languages.pick(language, acceptLanguage));
    }

    @Operation(
            summary = "Everything the user played, most recent first",
            description = "50 at a time; for the next page, pass the last entry's updatedAt as before.")
    @GetMapping("/api/library/history")
    List<Entry> history(
            Caller caller,
            @RequestParam(required = false) Instant before,
            @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        UUID user = caller.requireUser();
        Instant from = before == null ? FAR_FUTURE : before;
        return entries(progress.history(user, from, HISTORY_PAGE), user, Languages.pick(language, acceptLanguage));
    }

    private List<Entry> entries(List<Progress> rows, UUID user, String language) {
        Map<UUID, TitleSummary> titles = catalog.summaries(
                rows.stream().map(Progress::titleId).distinct().toList(), language, java.util.Optional.of(user));
        return rows.stream()
                .filter(row -> titles.containsKey(row.titleId()))
                .map(row -> new Entry(titles.get(row.titleId()), row))
                .toList();
    }
}
