package com.hypertube.auth.session;

import com.hypertube.auth.account.Profile;
import com.hypertube.auth.account.User;
import com.hypertube.auth.token.AccessToken;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.auth.token.RefreshTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Opens signed-in sessions: the access token in the body, both tokens in cookies. */
@Component
public class Sessions {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final SessionCookies cookies;

    Sessions(AccessTokens accessTokens, RefreshTokens refreshTokens, SessionCookies cookies) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.cookies = cookies;
    }

    /** A new session (a new refresh-token family), answered as JSON. */
    public ResponseEntity<Session> open(User user, HttpStatus status) {
        return answer(user, refreshTokens.start(user.id()), status);
    }

    /** A new session for a browser being redirected (OAuth): only cookies. */
    public HttpHeaders openInCookies(User user) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(
                HttpHeaders.SET_COOKIE,
                cookies.refresh(refreshTokens.start(user.id()), refreshTokens.ttl())
                        .toString());
        headers.add(
                HttpHeaders.SET_COOKIE,
                cookies.access(accessTokens.forUser(user.id(), user.username())).toString());
        return headers;
    }

    /** The session continued with a rotated refresh token. */
    ResponseEntity<Session> continued(User user, String refreshToken) {
        return answer(user, refreshToken, HttpStatus.OK);
    }

    private ResponseEntity<Session> answer(User user, String refreshToken, HttpStatus status) {
        AccessToken access = accessTokens.forUser(user.id(), user.username());
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookies.refresh(refreshToken, refreshTokens.ttl()).toString())
                .header(HttpHeaders.SET_COOKIE, cookies.access(access).toString())
                .body(new Session(access.value(), "Bearer", access.expiresIn(), Profile.ownOf(user)));
    }
}
