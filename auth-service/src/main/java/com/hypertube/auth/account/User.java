package com.hypertube.auth.account;

import java.time.Instant;
import java.util.UUID;

/** An account. {@code passwordHash} is null for one that only signs in through an OAuth provider. */
public record User(
        UUID id,
        String username,
        String email,
        String firstName,
        String lastName,
        String passwordHash,
        String preferredLanguage,
        Instant createdAt) {}
