package com.hypertube.auth.token;

import com.hypertube.auth.AuthProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens, kept only as SHA-256 hashes. Every use replaces the token by a new one of the same
 * family. Presenting a token that was already replaced means two parties hold it — the user and a thief —
 * so the whole family is revoked, unless it comes within a short grace window (two tabs refreshing at
 * once), which gets a sibling token instead.
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration reuseGrace;

    RefreshTokens(JdbcClient jdbc, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.tokens().refreshTtl();
        this.reuseGrace = properties.tokens().reuseGrace();
    }

    /** What presenting a refresh token led to. */
    public sealed interface Rotation {
        /** The token was good: here is its replacement. */
        record Rotated(UUID userId, String token) implements Rotation {}

        /** The token had already been replaced: its family is now revoked. */
        record Reused(UUID userId, UUID familyId) implements Rotation {}

        /** Unknown, expired or revoked. */
        record Invalid() implements Rotation {}
    }

    /** A new family, at sign-in. */
    public String start(UUID userId) {
        return insert(userId, UUID.randomUUID());
    }

    @Transactional
    public Rotation rotate(String token) {
        Optional<Row> found = jdbc.sql("SELECT family_id, user_id, expires_at, replaced_at, revoked_at"
                        + " FROM refresh_tokens WHERE token_hash = ? FOR UPDATE")
                .param(TokenHash.of(token))
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
                .optional();
        Instant now = clock.instant();
        if (found.isEmpty()
                || found.get().revokedAt() != null
                || found.get().expiresAt().isBefore(now)) {
            return new Rotation.Invalid();
        }
        Row row = found.get();
        if (row.replacedAt() != null) {
            if (row.replacedAt().plus(reuseGrace).isAfter(now)) {
                return new Rotation.Rotated(row.userId(), insert(row.userId(), row.familyId()));
            }
            revokeFamily(row.familyId());
            return new Rotation.Reused(row.userId(), row.familyId());
        }
        jdbc.sql("UPDATE refresh_tokens SET replaced_at = ? WHERE token_hash = ?")
                .params(Timestamp.from(now), TokenHash.of(token))
                .update();
        return new Rotation.Rotated(row.userId(), insert(row.userId(), row.familyId()));
    }

    /** Signs out the session this token belongs to; the user it was, or empty for an unknown token. */
    public Optional<UUID> revoke(String token) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND family_id ="
                        + " (SELECT family_id FROM refresh_tokens WHERE token_hash = ?)")
                .params(Timestamp.from(clock.instant()), TokenHash.of(token))
                .update();
        return jdbc.sql("SELECT user_id FROM refresh_tokens WHERE token_hash = ?")
                .param(TokenHash.of(token))
                .query(UUID.class)
                .optional();
    }

    /** Signs the user out everywhere (after a password change or reset). */
    public void revokeAll(UUID userId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), userId)
                .update();
    }

    public Duration ttl() {
        return ttl;
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), familyId)
                .update();
    }

    private String insert(UUID userId, UUID familyId) {
        String token = TokenHash.newSecret();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(TokenHash.of(token), familyId, userId, Timestamp.from(now), Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(UUID familyId, UUID userId, Instant expiresAt, Instant replacedAt, Instant revokedAt) {}
}
