package com.hypertube.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: 10 characters at least, at most 72 bytes (bcrypt ignores the rest),
 * letters and something else, not the username or email, not one of the passwords every list tries first.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password12",
            "password123",
            "password1234",
            "passw0rd",
            "p@ssw0rd",
            "qwerty",
            "qwerty123",
            "qwertyuiop",
            "azerty",
            "azerty123",
            "azertyuiop",
            "letmein",
            "welcome",
            "welcome1",
            "welcome123",
            "iloveyou",
            "admin",
            "admin123",
            "administrator",
            "trustno1",
            "football",
            "baseball",
            "dragon",
            "monkey",
            "sunshine",
            "princess",
            "starwars",
            "hypertube",
            "hypertube1",
            "hypertube123",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "zaq12wsx",
            "abc123456",
            "abcdef123",
            "changeme",
            "changeme123",
            "secret123",
            "superman",
            "batman123",
            "whatever1",
            "loveyou123");

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of("must mix letters with digits or symbols");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most common passwords");
        }
        if ((username != null && lower.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && lower.contains(email.toLowerCase(Locale.ROOT)))) {
            return Optional.of("must not contain the username or email");
        }
        return Optional.empty();
    }
}
