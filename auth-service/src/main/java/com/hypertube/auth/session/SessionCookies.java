package com.hypertube.auth.session;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.token.AccessToken;
import com.hypertube.contract.Cookies;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser's two cookies, both HttpOnly (no script can read them) and SameSite=Strict (never sent by
 * another site's page):
 *
 * <ul>
 *   <li>{@code ht_refresh}, the refresh token, only sent to {@code /api/auth} (refresh, sign-out);
 *   <li>{@code ht_access}, a copy of the access token for what cannot set a header — {@code <video>} and
 *       {@code <img>} — which the gateway accepts on GET and HEAD only, so it can never change anything.
 * </ul>
 *
 * The UI keeps the access token from the JSON answers in memory and sends it as a Bearer header.
 */
@Component
public class SessionCookies {

    public static final String REFRESH = Cookies.REFRESH;
    public static final String ACCESS = Cookies.ACCESS;
    public static final String OAUTH_STATE = "ht_oauth_state";

    private final boolean secure;

    SessionCookies(AuthProperties properties) {
        this.secure = properties.cookies().secure();
    }

    public ResponseCookie refresh(String token, Duration ttl) {
        return cookie(REFRESH, token, "/api/auth", ttl);
    }

    public ResponseCookie access(AccessToken token) {
        return cookie(ACCESS, token.value(), "/", Duration.ofSeconds(token.expiresIn()));
    }

    public ResponseCookie oauthState(String sealed, Duration ttl) {
        // Lax: it must come back on the provider's top-level redirect to our callback.
        return ResponseCookie.from(OAUTH_STATE, sealed)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/api/auth/oauth")
                .maxAge(ttl)
                .build();
    }

    public ResponseCookie clearRefresh() {
        return cookie(REFRESH, "", "/api/auth", Duration.ZERO);
    }

    public ResponseCookie clearAccess() {
        return cookie(ACCESS, "", "/", Duration.ZERO);
    }

    public ResponseCookie clearOauthState() {
        return oauthState("", Duration.ZERO);
    }

    private ResponseCookie cookie(String name, String value, String path, Duration ttl) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(path)
                .maxAge(ttl)
                .build();
    }
}
