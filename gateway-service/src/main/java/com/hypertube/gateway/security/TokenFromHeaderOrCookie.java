package com.hypertube.gateway.security;

import com.hypertube.contract.Cookies;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where the access token is read from: the {@code Authorization: Bearer} header, or — for GET and HEAD only —
 * the {@code ht_access} cookie, which is how {@code <video>} and {@code <img>} are authorized. A cookie
 * never authorizes a change, so a forged cross-site form gains nothing from it. On public paths no token
 * is read at all (the guard does not ask): a stale cookie must not stop anyone from signing in.
 *
 * <p>The header is read as Spring Security's {@code ServerBearerTokenAuthenticationConverter} reads it (a
 * header that starts with "bearer" in any case must be {@code Bearer <b64token>} per RFC 6750, or the request
 * is refused as a malformed token), without its case-insensitive regular expression: run over a 700-character
 * token on every request, that expression was 5 % of the gateway's time.
 */
final class TokenFromHeaderOrCookie {

    static final String ACCESS_COOKIE = Cookies.ACCESS;

    private static final String BEARER = "Bearer ";

    /**
     * What a request carries.
     *
     * @param value the token; null when there is none or the header is malformed
     * @param malformed an {@code Authorization: Bearer …} header that is not {@code Bearer <b64token>}
     * @param sentAsBearerHeader whether the request's own {@code Authorization} header is exactly {@code Bearer
     *     <token>}, so the services can be sent the request's header as it is
     */
    record Token(String value, boolean malformed, boolean sentAsBearerHeader) {

        static final Token NONE = new Token(null, false, false);
        static final Token MALFORMED = new Token(null, true, false);
    }

    private TokenFromHeaderOrCookie() {}

    static Token read(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            String token = bearerToken(authorization);
            return token == null ? Token.MALFORMED : new Token(token, false, authorization.startsWith(BEARER));
        }
        return fromCookie(request);
    }

    /** The token of {@code Bearer <b64token>} (RFC 6750 2.1; "Bearer " in any case), or null when malformed. */
    static String bearerToken(String authorization) {
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int padding = authorization.length();
        while (padding > BEARER.length() && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == BEARER.length()) {
            return null; // b64token needs at least one character before its padding
        }
        for (int i = BEARER.length(); i < padding; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(BEARER.length());
    }

    // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static Token fromCookie(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return Token.NONE;
        }
        HttpCookie cookie = request.getCookies().getFirst(ACCESS_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Token.NONE;
        }
        return new Token(cookie.getValue(), false, false);
    }
}
