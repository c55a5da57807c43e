package com.hypertube.web;

import org.springframework.http.HttpStatus;

/** The one check for what only an administrator may do (the first account and {@code HYPERTUBE_ADMINS}). */
public final class AdminOnly {

    private AdminOnly() {}

    /** Throws a 403 problem ({@code urn:hypertube:problem:forbidden}) unless the caller is an admin. */
    public static void require(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemTypes.error(HttpStatus.FORBIDDEN, "forbidden", "Only an administrator may do this.");
        }
    }
}
