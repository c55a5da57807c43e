package com.hypertube.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account. {@code passwordHash} is null for one that only signs in through an OAuth provider; {@code
 * hasAvatar} says whether a picture is stored for it (read with the account, so a profile never names an
 * avatar that would answer 404).
 */
public record User(
        UUID id,
        String username,
        String email,
        String firstName,
        String lastName,
        String passwordHash,
        String preferredLanguage,
        Instant createdAt,
        boolean hasAvatar) {}
