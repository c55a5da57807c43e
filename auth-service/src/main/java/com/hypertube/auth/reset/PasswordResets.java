package com.hypertube.auth.reset;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.account.Accounts;
import com.hypertube.auth.account.User;
import com.hypertube.auth.account.UserRepository;
import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.token.TokenHash;
import com.hypertube.web.ProblemTypes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by mail. Asking answers the same, as fast, whether or not the address has an account:
 * the lookup and the mail happen after the answer, on their own thread. The link's token is single use,
 * expires after {@code hypertube.auth.passwords.reset-ttl}, and only its hash is stored.
 */
@Service
class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final UserRepository users;
    private final Accounts accounts;
    private final Mailer mailer;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final String publicUrl;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(
            UserRepository users,
            Accounts accounts,
            Mailer mailer,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            AuthProperties properties) {
        this.users = users;
        this.accounts = accounts;
        this.mailer = mailer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.passwords().resetTtl();
        this.publicUrl = properties.publicBase();
    }

    void request(String email, RequestOrigin origin) {
        background.execute(() -> {
            try {
                send(email, origin);
            } catch (RuntimeException e) {
                log.error("Could not send the password reset mail", e);
            }
        });
    }

    private void send(String email, RequestOrigin origin) {
        Optional<User> user = users.findByEmail(email);
        audit.record(AuditEvent.PASSWORD_RESET_REQUESTED, user.map(User::id).orElse(null), email, origin, null);
        if (user.isEmpty()) {
            return;
        }
        String token = TokenHash.newSecret();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(TokenHash.of(token), user.get().id(), Timestamp.from(now), Timestamp.from(now.plus(ttl)))
                .update();
        String link = publicUrl + "/reset-password#token=" + token;
        mailer.send(new Mail(
                user.get().email(),
                "Reset your Hypertube password",
                "Hello " + user.get().firstName() + ",\n\n"
                        + "Someone (hopefully you) asked to reset the password of the Hypertube account "
                        + user.get().username() + ". Open this link within " + ttl.toMinutes()
                        + " minutes to choose a new one:\n\n" + link + "\n\n"
                        + "If it was not you, ignore this mail: your password stays as it is.\n"));
    }

    @Transactional
    void confirm(ResetConfirmation confirmation, RequestOrigin origin) {
        Instant now = clock.instant();
        UUID userId = jdbc.sql("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ? RETURNING user_id")
                .params(Timestamp.from(now), TokenHash.of(confirmation.token()), Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemTypes.error(
                        HttpStatus.BAD_REQUEST,
                        "reset-token-invalid",
                        "This reset link is unknown, used or expired: ask for a new one."));
        // A weak password fails here and rolls the use back: the same link works again with a better one.
        accounts.resetPassword(userId, confirmation.password(), origin);
        // Other links of the same user stop working too.
        jdbc.sql("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId)
                .update();
    }
}
