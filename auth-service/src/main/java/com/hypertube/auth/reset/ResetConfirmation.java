package com.hypertube.auth.reset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from the mailed link and the new password. */
public record ResetConfirmation(
        @NotBlank @Size(max = 128) String token,
        @NotBlank @Size(max = 256) String password) {}
