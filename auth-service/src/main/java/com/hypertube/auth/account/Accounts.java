package com.hypertube.auth.account;

import com.hypertube.auth.apiclient.ApiClients;
import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.session.Throttles;
import com.hypertube.auth.token.AdminRole;
import com.hypertube.auth.token.RefreshTokens;
import com.hypertube.web.ProblemTypes;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, checking passwords and changing profiles. */
@Service
public class Accounts {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final EmailChangeNotice emailChangeNotice;
    private final ApiClients apiClients;
    private final AdminRole adminRole;
    private final Throttle accountThrottle;

    /** How recent a sign-in must be to change the email or set a password on an account without one. */
    static final Duration RECENT_SIGN_IN = Duration.ofMinutes(5);

    Accounts(
            UserRepository users,
            PasswordHasher hasher,
            RefreshTokens refreshTokens,
            AuditLog audit,
            EmailChangeNotice emailChangeNotice,
            ApiClients apiClients,
            AdminRole adminRole,
            Throttle accountThrottle) {
        this.users = users;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.emailChangeNotice = emailChangeNotice;
        this.apiClients = apiClients;
        this.adminRole = adminRole;
        this.accountThrottle = accountThrottle;
    }

    public User register(RegisterRequest request, RequestOrigin origin) {
        PasswordPolicy.problem(request.password(), request.username(), request.email())
                .ifPresent(problem -> {
                    throw FieldErrors.invalid("password", problem);
                });
        User user = new User(
                UUID.randomUUID(),
                request.username(),
                request.email(),
                request.firstName(),
                request.lastName(),
                hasher.hash(request.password()),
                languageOr(request.preferredLanguage(), "en"),
                null,
                false);
        insert(user);
        audit.record(AuditEvent.SIGN_UP, user.id(), user.username(), origin, null);
        return users.find(user.id()).orElseThrow();
    }

    /** An account created from an OAuth provider's user: no password. */
    public User registerWithoutPassword(
            String username, String email, String firstName, String lastName, RequestOrigin origin) {
        User user = new User(UUID.randomUUID(), username, email, firstName, lastName, null, "en", null, false);
        insert(user);
        audit.record(AuditEvent.SIGN_UP, user.id(), username, origin, "oauth");
        return users.find(user.id()).orElseThrow();
    }

    /** The account if the password is right; as slow when the username is unknown. */
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(null));
        return matches ? user : Optional.empty();
    }

    public Optional<User> find(UUID id) {
        return users.find(id);
    }

    @Transactional
    public User update(UUID id, ProfileUpdate change, RequestOrigin origin) {
        User user = users.find(id)
                .orElseThrow(() -> ProblemTypes.error(HttpStatus.NOT_FOUND, "not-found", "No such user."));
        String passwordHash = user.passwordHash();
        if (change.username() != null
                && !change.username().equalsIgnoreCase(user.username())
                && adminRole.isListed(change.username())) {
            throw FieldErrors.taken("username"); // reserved: an administrator's name
        }
        boolean emailChanges = change.email() != null && !change.email().equalsIgnoreCase(user.email());
        // What would hand the account to whoever holds a stolen 15-minute token: the address resets go to,
        // and the password. Either needs proof that this is the owner, not just their token.
        if (change.newPassword() != null || emailChanges) {
            requireProofOfOwner(user, change.currentPassword());
        }
        if (change.newPassword() != null) {
            String username = Objects.requireNonNullElse(change.username(), user.username());
            String email = Objects.requireNonNullElse(change.email(), user.email());
            PasswordPolicy.problem(change.newPassword(), username, email).ifPresent(problem -> {
                throw FieldErrors.invalid("newPassword", problem);
            });
            passwordHash = hasher.hash(change.newPassword());
        }
        User changed = new User(
                user.id(),
                Objects.requireNonNullElse(change.username(), user.username()),
                Objects.requireNonNullElse(change.email(), user.email()),
                Objects.requireNonNullElse(change.firstName(), user.firstName()),
                Objects.requireNonNullElse(change.lastName(), user.lastName()),
                passwordHash,
                languageOr(change.preferredLanguage(), user.preferredLanguage()),
                user.createdAt(),
                user.hasAvatar());
        try {
            users.update(changed);
        } catch (DuplicateKeyException e) {
            throw takenField(changed, user);
        }
        if (change.newPassword() != null || emailChanges) {
            // Whoever may have known the old password, or held a session, is signed out everywhere.
            refreshTokens.revokeAll(id);
        }
        if (change.newPassword() != null) {
            apiClients.revokeAll(id);
            audit.record(AuditEvent.PASSWORD_CHANGED, id, user.username(), origin, null);
        }
        if (emailChanges) {
            audit.record(AuditEvent.EMAIL_CHANGED, id, user.username(), origin, null);
            emailChangeNotice.tellOldAddress(user, changed.email());
        }
        return changed;
    }

    /**
     * The current password, for an account that has one; for an account made through OAuth (no password), a
     * sign-in within the last few minutes.
     */
    private void requireProofOfOwner(User user, String currentPassword) {
        if (user.passwordHash() != null) {
            // The same throttle as sign-in's: a stolen token must not buy unlimited guesses at the password.
            String accountKey = Throttles.accountKey(user.username());
            Throttles.refuseIfLocked(accountThrottle, accountKey, "wrong passwords");
            if (currentPassword == null || !hasher.matches(currentPassword, user.passwordHash())) {
                accountThrottle.failed(accountKey);
                throw FieldErrors.invalid("currentPassword", "is not your current password");
            }
            return;
        }
        if (!audit.signedInWithin(user.id(), RECENT_SIGN_IN)) {
            throw ProblemTypes.error(
                    HttpStatus.FORBIDDEN,
                    "recent-sign-in-required",
                    "Sign in again first: changing your email or setting a password needs a sign-in within the last "
                            + RECENT_SIGN_IN.toMinutes() + " minutes.");
        }
    }

    /** Sets a new password after a reset (the policy is checked by the caller's flow here). */
    public void resetPassword(UUID id, String newPassword, RequestOrigin origin) {
        User user = users.find(id).orElseThrow();
        PasswordPolicy.problem(newPassword, user.username(), user.email()).ifPresent(problem -> {
            throw FieldErrors.invalid("password", problem);
        });
        users.update(new User(
                user.id(),
                user.username(),
                user.email(),
                user.firstName(),
                user.lastName(),
                hasher.hash(newPassword),
                user.preferredLanguage(),
                user.createdAt(),
                user.hasAvatar()));
        refreshTokens.revokeAll(id);
        apiClients.revokeAll(id);
        audit.record(AuditEvent.PASSWORD_RESET, id, user.username(), origin, null);
    }

    private void insert(User user) {
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw users.usernameTaken(user.username()) ? FieldErrors.taken("username") : FieldErrors.taken("email");
        }
    }

    private RuntimeException takenField(User changed, User before) {
        boolean usernameChanged = !changed.username().equalsIgnoreCase(before.username());
        return usernameChanged && users.usernameTaken(changed.username())
                ? FieldErrors.taken("username")
                : FieldErrors.taken("email");
    }

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private static String languageOr(String language, String fallback) {
        if (language == null) {
            return fallback;
        }
        String code = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw FieldErrors.invalid("preferredLanguage", "is not an ISO 639-1 language code");
        }
        return code;
    }
}
