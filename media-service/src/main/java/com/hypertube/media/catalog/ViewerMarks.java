package com.hypertube.media.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which titles a user has watched or started, for the marks on every list they browse. Read once per user and
 * kept a minute (Caffeine), and forgotten at once when the user's player reports progress on this instance, so a
 * browse page needs no query for them; another instance's lists catch up within the minute.
 */
@Component
public class ViewerMarks {

    /** A user's marks on one title. */
    record Marks(boolean watched, boolean inProgress) {}

    private static final Duration KEPT = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Cache<UUID, Map<UUID, Marks>> byUser =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();

    ViewerMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Marks> of(UUID user) {
        return byUser.get(user, this::read);
    }

    /** The user's progress changed: their next list reads it again. */
    public void forget(UUID user) {
        byUser.invalidate(user);
    }

    // A film is watched or in progress; a series is in progress when any episode is started and not finished.
    private Map<UUID, Marks> read(UUID user) {
        Map<UUID, Marks> marks = new HashMap<>();
        jdbc.sql("SELECT title_id, bool_or(watched AND season_number = 0) AS watched,"
                        + " bool_or(NOT watched) AS in_progress FROM progress WHERE user_id = ? GROUP BY title_id")
                .param(user)
                .query(rs -> {
                    marks.put(rs.getObject(1, UUID.class), new Marks(rs.getBoolean(2), rs.getBoolean(3)));
                });
        return Map.copyOf(marks);
    }
}
