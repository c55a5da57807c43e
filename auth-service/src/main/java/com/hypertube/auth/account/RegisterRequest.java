package com.hypertube.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A sign-up. The password's strength is checked by {@link PasswordPolicy}. */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotNull @Pattern(regexp = AccountFields.USERNAME, message = "must be 3 to 32 letters, digits, '.', '-' or '_'")
        String username,

        @NotNull @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String firstName,

        @NotNull @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String lastName,

        @NotNull @Size(max = 256) String password,

        @Pattern(regexp = AccountFields.LANGUAGE, message = "must be a two-letter language code")
        String preferredLanguage) {}
