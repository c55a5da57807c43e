package com.hypertube.web;

import com.hypertube.contract.Cookies;
import com.hypertube.contract.TokenClaims;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a request carries its access token: the {@code Authorization: Bearer} header or, for GET and HEAD
 * only, the {@code ht_access} cookie — what {@code <video>} and {@code <img>} send. A cookie never
 * authorizes a change, so a cross-site form gains nothing from it.
 */
public final class AccessTokens {

    /** The cookie holding a copy of the access token. */
    public static final String COOKIE = Cookies.ACCESS;

    private static final int MAX_LENGTH = TokenClaims.MAX_LENGTH;

    private AccessTokens() {}

    public static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim()).filter(token -> token.length() < MAX_LENGTH);
        }
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Cookie[] cookies = request.getCookies();
        if (!safe || cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(token -> token.length() < MAX_LENGTH)
                .findFirst();
    }
}
