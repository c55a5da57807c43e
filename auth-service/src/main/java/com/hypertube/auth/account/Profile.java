package com.hypertube.auth.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as others see them; {@code email} and {@code preferredLanguage} only appear for the user
 * themself. {@code avatarUrl} is always there: null when the user has no avatar, so no one asks for a
 * picture that would answer 404.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        UUID id,
        String username,
        String firstName,
        String lastName,

        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(
                types = {"string", "null"},
                description = "The user's picture; null when they have none.")
        String avatarUrl,

        String email,
        String preferredLanguage,
        Boolean hasPassword,
        Instant createdAt) {

    public static Profile publicOf(User user) {
        return new Profile(
                user.id(),
                user.username(),
                user.firstName(),
                user.lastName(),
                avatarUrl(user),
                null,
                null,
                null,
                user.createdAt());
    }

    public static Profile ownOf(User user) {
        return new Profile(
                user.id(),
                user.username(),
                user.firstName(),
                user.lastName(),
                avatarUrl(user),
                user.email(),
                user.preferredLanguage(),
                user.passwordHash() != null,
                user.createdAt());
    }

    private static String avatarUrl(User user) {
        return user.hasAvatar() ? "/api/users/" + user.id() + "/avatar" : null;
    }
}
