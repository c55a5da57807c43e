package com.hypertube.auth.apiclient;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A program a user registers to use the public API. */
public record ApiClientRequest(
        @NotNull @Pattern(regexp = "^[^\\p{Cntrl}]{1,64}$", message = "must be 1 to 64 characters")
        String name) {}
