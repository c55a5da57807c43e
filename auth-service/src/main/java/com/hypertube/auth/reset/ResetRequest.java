package com.hypertube.auth.reset;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {}
