package com.hypertube.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignInRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 256) String password) {}
