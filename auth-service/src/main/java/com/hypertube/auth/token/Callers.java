package com.hypertube.auth.token;

import com.hypertube.web.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Checks on what a verified caller may do. */
public final class Callers {

    private Callers() {}

    /** The user behind the caller; API clients (no user) get 403. */
    public static UUID requireUser(Caller caller) {
        if (!caller.isUser()) {
            throw ProblemTypes.error(
                    HttpStatus.FORBIDDEN, "forbidden", "This needs a signed-in user, not an API client.");
        }
        return caller.userId();
    }
}
