package com.hypertube.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to one's own profile; absent fields stay as they are. A new password needs the current one
 * (an account created through OAuth has none, and may set one without).
 */
public record ProfileUpdate(
        @Email @Size(max = 254) String email,

        @Pattern(regexp = AccountFields.USERNAME, message = "must be 3 to 32 letters, digits, '.', '-' or '_'")
        String username,

        @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String firstName,

        @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String lastName,

        @Pattern(regexp = AccountFields.LANGUAGE, message = "must be a two-letter language code")
        String preferredLanguage,

        @Size(max = 256) String currentPassword,
        @Size(max = 256) String newPassword) {}
