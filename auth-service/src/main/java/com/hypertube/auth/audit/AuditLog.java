package com.hypertube.auth.audit;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes security events to the audit_log table (and the log, for whoever watches it). */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("audit");

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param userId the account concerned, or null when none matched
     * @param subject what the client gave (a username or email), kept for failures with no account
     */
    public void record(AuditEvent event, UUID userId, String subject, RequestOrigin origin, String detail) {
        String given = subject == null ? null : subject.substring(0, Math.min(subject.length(), 254));
        // What a client typed is logged with its control characters escaped: a username with a line break
        // must not be able to forge a line of its own in the log.
        log.info(
                "{} user={} subject={} ip={} detail={}",
                event,
                userId,
                LogText.escape(given),
                LogText.escape(origin.ip()),
                LogText.escape(detail));
        jdbc.sql("INSERT INTO audit_log (event, user_id, subject, ip, user_agent, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(event.name(), userId, given, origin.ip(), origin.userAgent(), detail)
                .update();
    }

    /** Whether the user signed in (with a password or a provider) within this time, by the database's clock. */
    public boolean signedInWithin(UUID userId, java.time.Duration within) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE user_id = ? AND event IN ('SIGN_IN', 'OAUTH_SIGN_IN')"
                                + " AND at > now() - make_interval(secs => ?))")
                .params(userId, within.toSeconds())
                .query(Boolean.class)
                .single();
    }

    /** A user's most recent events, newest first. */
    public List<AuditEntry> recent(UUID userId, int limit) {
        return jdbc.sql("SELECT at, event, ip, user_agent, detail FROM audit_log WHERE user_id = ?"
                        + " ORDER BY at DESC, id DESC LIMIT ?")
                .params(userId, limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getTimestamp(1).toInstant(),
                        AuditEvent.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
