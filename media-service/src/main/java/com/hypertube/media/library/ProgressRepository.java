package com.hypertube.media.library;

import com.hypertube.media.library.LibraryViews.Progress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each user's position in each film and episode, and the titles' watch counts. */
@Repository
class ProgressRepository {

    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a position. Watched stays watched once reached (seeking back to re-watch a scene does not unmark
     * it); a title's watch count grows once per user, the first time they watch it (any episode, for a series).
     */
    @Transactional
    Recorded record(UUID user, UUID title, int season, int episode, int position, int duration, Instant now) {
        // Serialises one user's reports on one title, so that two at once cannot both count a first watch.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(user + "/" + title)
                .query((rs, row) -> 1)
                .list();
        // Watched before: the title (any of its episodes), and this very film or episode.
        boolean[] watchedBefore = jdbc.sql("SELECT coalesce(bool_or(watched), false),"
                        + " coalesce(bool_or(watched) FILTER (WHERE season_number = ? AND episode_number = ?), false)"
                        + " FROM progress WHERE user_id = ? AND title_id = ?")
                .params(season, episode, user, title)
                .query((rs, row) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                .single();
        boolean watched = WatchThresholds.watched(position, duration);
        Progress stored = jdbc.sql("""
                        INSERT INTO progress (user_id, title_id, season_number, episode_number, position_seconds,
                            duration_seconds, watched, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (user_id, title_id, season_number, episode_number) DO UPDATE SET
                            position_seconds = EXCLUDED.position_seconds, duration_seconds = EXCLUDED.duration_seconds,
                            watched = progress.watched OR EXCLUDED.watched, updated_at = EXCLUDED.updated_at
                        RETURNING *
                        """)
                .params(user, title, season, episode, position, duration, watched, Timestamp.from(now))
                .query(ProgressRepository::map)
                .single();
        if (stored.watched() && !watchedBefore[0]) {
            jdbc.sql("UPDATE titles SET watch_count = watch_count + 1 WHERE id = ?")
                    .param(title)
                    .update();
        }
        return new Recorded(stored, stored.watched() && !watchedBefore[1]);
    }

    /** A stored position, and whether this report is the one that made the film or episode watched. */
    record Recorded(Progress progress, boolean firstWatched) {}

    Optional<Progress> find(UUID user, UUID title, int season, int episode) {
        return jdbc.sql("SELECT * FROM progress WHERE user_id = ? AND title_id = ? AND season_number = ?"
                        + " AND episode_number = ?")
                .params(user, title, season, episode)
                .query(ProgressRepository::map)
                .optional();
    }

    /** What the user started and did not finish, most recent first. */
    List<Progress> resumable(UUID user, int limit) {
        return jdbc.sql("SELECT * FROM progress WHERE user_id = ? AND NOT watched"
                        + " AND position_seconds >= duration_seconds * ? ORDER BY updated_at DESC LIMIT ?")
                .params(user, WatchThresholds.RESUME_FROM, limit)
                .query(ProgressRepository::map)
                .list();
    }

    /** Everything the user played, most recent first, before a time (for the next page). */
    List<Progress> history(UUID user, Instant before, int limit) {
        return jdbc.sql("SELECT * FROM progress WHERE user_id = ? AND updated_at < ? ORDER BY updated_at DESC LIMIT ?")
                .params(user, Timestamp.from(before), limit)
                .query(ProgressRepository::map)
                .list();
    }

    boolean titleExists(UUID title) {
        return jdbc.sql("SELECT count(*) FROM titles WHERE id = ?")
                        .param(title)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static Progress map(ResultSet rs, int row) throws SQLException {
        int position = rs.getInt("position_seconds");
        int duration = rs.getInt("duration_seconds");
        boolean watched = rs.getBoolean("watched");
        return new Progress(
                rs.getObject("title_id", UUID.class),
                rs.getInt("season_number"),
                rs.getInt("episode_number"),
                position,
                duration,
                watched,
                !watched && position >= duration * WatchThresholds.RESUME_FROM,
                rs.getTimestamp("updated_at").toInstant());
    }
}
