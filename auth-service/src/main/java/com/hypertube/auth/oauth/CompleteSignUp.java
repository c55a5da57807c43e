package com.hypertube.auth.oauth;

import com.hypertube.auth.account.AccountFields;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The end of a first OAuth sign-in when the provider did not give all we need (or gave a username that is
 * taken): the ticket from the redirect plus the missing fields.
 */
record CompleteSignUp(
        @NotBlank @Size(max = 4096) String ticket,

        @NotNull @Pattern(regexp = AccountFields.USERNAME, message = "must be 3 to 32 letters, digits, '.', '-' or '_'")
        String username,

        @NotBlank @Email @Size(max = 254) String email,

        @NotNull @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String firstName,

        @NotNull @Pattern(regexp = AccountFields.NAME, message = "must be 1 to 64 characters")
        String lastName) {}
