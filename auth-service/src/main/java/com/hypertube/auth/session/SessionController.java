package com.hypertube.auth.session;

import com.hypertube.auth.account.Accounts;
import com.hypertube.auth.account.User;
import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.token.RefreshTokens;
import com.hypertube.auth.token.RefreshTokens.Rotation;
import com.hypertube.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in with username and password, refresh, sign-out. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final SessionCookies cookies;
    private final Throttle accountThrottle;
    private final Throttle addressThrottle;
    private final AuditLog audit;

    SessionController(
            Accounts accounts,
            Sessions sessions,
            RefreshTokens refreshTokens,
            SessionCookies cookies,
            Throttle accountThrottle,
            Throttle addressThrottle,
            AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.cookies = cookies;
        this.accountThrottle = accountThrottle;
        this.addressThrottle = addressThrottle;
        this.audit = audit;
    }

    @PostMapping("/login")
    ResponseEntity<Session> login(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        RequestOrigin origin = RequestOrigin.of(http);
        String accountKey = Throttles.accountKey(request.username());
        String addressKey = "sign-in:ip:" + origin.ip();
        // A locked account or address is answered before the password is even looked at.
        Throttles.refuseIfLocked(accountThrottle, accountKey, "failed sign-ins");
        Throttles.refuseIfLocked(addressThrottle, addressKey, "failed sign-ins");
        User user =
                accounts.authenticate(request.username(), request.password()).orElse(null);
        if (user == null) {
            boolean locked = accountThrottle.failed(accountKey) | addressThrottle.failed(addressKey);
            audit.record(AuditEvent.SIGN_IN_FAILED, null, request.username(), origin, null);
            if (locked) {
                audit.record(AuditEvent.SIGN_IN_THROTTLED, null, request.username(), origin, null);
            }
            throw ProblemTypes.error(
                    HttpStatus.UNAUTHORIZED, "bad-credentials", "The username or password is not right.");
        }
        accountThrottle.succeeded(accountKey);
        audit.record(AuditEvent.SIGN_IN, user.id(), user.username(), origin, "password");
        return sessions.open(user, HttpStatus.OK);
    }

    @PostMapping("/refresh")
    ResponseEntity<Session> refresh(
            @CookieValue(name = SessionCookies.REFRESH, required = false) String refreshToken,
            HttpServletRequest http) {
        CsrfCheck.require(http);
        Rotation rotation = refreshToken == null ? new Rotation.Invalid() : refreshTokens.rotate(refreshToken);
        return switch (rotation) {
            case Rotation.Rotated rotated ->
                accounts.find(rotated.userId())
                        .map(user -> sessions.continued(user, rotated.token()))
                        .orElseThrow(SessionController::signedOut);
            case Rotation.Reused reused -> {
                audit.record(
                        AuditEvent.REFRESH_TOKEN_REUSED,
                        reused.userId(),
                        null,
                        RequestOrigin.of(http),
                        "family " + reused.familyId() + " revoked");
                throw signedOut();
            }
            case Rotation.Invalid invalid -> throw signedOut();
        };
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(
            @CookieValue(name = SessionCookies.REFRESH, required = false) String refreshToken,
            HttpServletRequest http) {
        CsrfCheck.require(http);
        if (refreshToken != null) {
            refreshTokens
                    .revoke(refreshToken)
                    .ifPresent(userId -> audit.record(AuditEvent.SIGN_OUT, userId, null, RequestOrigin.of(http), null));
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clearRefresh().toString())
                .header(HttpHeaders.SET_COOKIE, cookies.clearAccess().toString())
                .build();
    }

    private static RuntimeException signedOut() {
        return ProblemTypes.error(HttpStatus.UNAUTHORIZED, "session-expired", "The session has ended: sign in again.");
    }
}
