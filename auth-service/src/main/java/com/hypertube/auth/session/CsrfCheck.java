package com.hypertube.auth.session;

import com.hypertube.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/**
 * Requests that act on a cookie alone (refresh, sign-out) must carry {@code X-Requested-With}: a page of
 * another site can make the browser send our cookies with a form, but not add a header (that would need
 * a CORS preflight the gateway refuses). SameSite=Strict already keeps the cookie home; this is the second
 * lock.
 */
public final class CsrfCheck {

    public static final String HEADER = "X-Requested-With";

    private CsrfCheck() {}

    public static void require(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        if (value == null || value.isBlank()) {
            throw ProblemTypes.error(
                    HttpStatus.FORBIDDEN, "csrf", "This request needs the header " + HEADER + " (any value).");
        }
    }
}
