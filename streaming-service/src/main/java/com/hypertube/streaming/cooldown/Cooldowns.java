package com.hypertube.streaming.cooldown;

import com.hypertube.streaming.StreamingProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Starting, finding, listing and clearing cooldowns, in the database so that a restart remembers them. */
@Service
public class Cooldowns {

    private static final Duration FALLBACK = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Map<String, Duration> durations;
    private final InstantSource clock;

    Cooldowns(JdbcClient jdbc, StreamingProperties properties, InstantSource clock) {
        this.jdbc = jdbc;
        this.durations = properties.cooldowns();
        this.clock = clock;
    }

    /** Puts a torrent on cooldown for the duration configured for this kind of failure. */
    public Cooldown start(String infoHash, String reason, String detail) {
        Cooldown cooldown =
                new Cooldown(infoHash, reason, detail, clock.instant().plus(durations.getOrDefault(reason, FALLBACK)));
        jdbc.sql("INSERT INTO torrent_cooldowns (info_hash, reason, detail, until) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (info_hash) DO UPDATE SET reason = EXCLUDED.reason,"
                        + " detail = EXCLUDED.detail, until = EXCLUDED.until, created_at = now()")
                .params(infoHash, reason, detail, Timestamp.from(cooldown.until()))
                .update();
        return cooldown;
    }

    /** The torrent's cooldown, if one is running now. */
    public Optional<Cooldown> active(String infoHash) {
        return jdbc.sql("SELECT * FROM torrent_cooldowns WHERE info_hash = ? AND until > ?")
                .params(infoHash, Timestamp.from(clock.instant()))
                .query(Cooldowns::map)
                .optional();
    }

    public List<Cooldown> activeAll() {
        return jdbc.sql("SELECT * FROM torrent_cooldowns WHERE until > ? ORDER BY until")
                .param(Timestamp.from(clock.instant()))
                .query(Cooldowns::map)
                .list();
    }

    /** Ends a cooldown now; false when there was none. */
    public boolean clear(String infoHash) {
        return jdbc.sql("DELETE FROM torrent_cooldowns WHERE info_hash = ?")
                        .param(infoHash)
                        .update()
                == 1;
    }

    private static Cooldown map(ResultSet row, int number) throws SQLException {
        return new Cooldown(
                row.getString("info_hash"),
                row.getString("reason"),
                row.getString("detail"),
                row.getTimestamp("until").toInstant());
    }
}
