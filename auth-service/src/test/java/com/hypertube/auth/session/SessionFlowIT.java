package com.hypertube.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SessionFlowIT extends AuthIntegrationTest {

    private static final Map<String, String> CSRF = Map.of("X-Requested-With", "test");

    @Autowired
    JdbcClient jdbc;

    @Test
    void signInGivesABearerTokenAndTwoStrictHttpOnlyCookies() throws Exception {
        AuthApi api = api();
        String username = api.register("alice");

        Answer login = api.login(username);

        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.json().get("user").get("username").asString()).isEqualTo(username);
        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(login.cookieLine("ht_refresh"))
                .contains("HttpOnly", "SameSite=Strict", "Secure", "Path=/api/auth")
                .doesNotContain(login.text("accessToken"));
        assertThat(login.cookieLine("ht_access")).contains("HttpOnly", "SameSite=Strict", "Path=/");
        Answer me = api.get("/api/users/me", login.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(username);
        assertThat(me.text("email")).isEqualTo(username + "@example.org");
        assertThat(me.text("preferredLanguage")).isEqualTo("en");
    }

    @Test
    void wrongPasswordAndUnknownUserAnswerTheSameAndAreAudited() throws Exception {
        AuthApi api = api();
        String username = api.register("bob");

        Answer wrong = api.login(username, "not-the-password-1");
        Answer unknown = api.login("nobody_" + username, "not-the-password-1");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.text("type"))
                .isEqualTo(unknown.text("type"))
                .isEqualTo("urn:hypertube:problem:bad-credentials");
        assertThat(wrong.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE event = 'SIGN_IN_FAILED' AND subject = ? AND user_agent = 'hypertube-tests'")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twentyWrongPasswordsAreAnsweredWith429AndRetryAfterEvenForTheRightOne() throws Exception {
        AuthApi api = api();
        String username = api.register("carol");
        int throttled = 0;
        Answer last = null;
        for (int i = 0; i < 20; i++) {
            last = api.login(username, "wrong-password-" + i);
            throttled += last.status() == 429 ? 1 : 0;
        }

        assertThat(throttled).isGreaterThanOrEqualTo(14);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text("type")).isEqualTo("urn:hypertube:problem:too-many-requests");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        // Locked means locked: the right password is not even checked.
        assertThat(api.login(username, AuthApi.PASSWORD).status()).isEqualTo(429);
        // From another address too: the account is what is locked.
        assertThat(api().login(username, AuthApi.PASSWORD).status()).isEqualTo(429);
        // Once the wait is over, the right password works again.
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.login(username, AuthApi.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesTheTokenAndReusingAnOldOneRevokesTheFamily() throws Exception {
        AuthApi api = api();
        String username = api.register("dave");
        String first = api.login(username).cookie("ht_refresh");

        Answer refreshed = refresh(api, first);
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.cookie("ht_refresh");
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(api.get("/api/users/me", refreshed.text("accessToken")).status())
                .isEqualTo(200);

        // A thief replays the first token after the grace window: the whole family dies.
        clock.advance(Duration.ofSeconds(11));
        Answer replay = refresh(api, first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("type")).isEqualTo("urn:hypertube:problem:session-expired");
        assertThat(refresh(api, second).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id"
                                + " WHERE a.event = 'REFRESH_TOKEN_REUSED' AND u.username = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twoTabsRefreshingAtOnceBothStaySignedIn() throws Exception {
        AuthApi api = api();
        String first = api.login(api.register("erin")).cookie("ht_refresh");

        Answer tabOne = refresh(api, first);
        Answer tabTwo = refresh(api, first); // within the grace window

        assertThat(tabOne.status()).isEqualTo(200);
        assertThat(tabTwo.status()).isEqualTo(200);
        assertThat(refresh(api, tabOne.cookie("ht_refresh")).status()).isEqualTo(200);
        assertThat(refresh(api, tabTwo.cookie("ht_refresh")).status()).isEqualTo(200);
    }

    @Test
    void refreshAndSignOutNeedTheCsrfHeader() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("frank")).cookie("ht_refresh");

        Answer forged = api.send("POST", "/api/auth/refresh", null, Map.of("Cookie", "ht_refresh=" + token));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text("type")).isEqualTo("urn:hypertube:problem:csrf");
        assertThat(refresh(api, token).status()).isEqualTo(200);
    }

    @Test
    void signOutRevokesTheRefreshTokenAndClearsTheCookies() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("grace")).cookie("ht_refresh");

        Answer logout = api.send("POST", "/api/auth/logout", null, cookieAndCsrf(token));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.cookieLine("ht_refresh")).contains("Max-Age=0");
        assertThat(logout.cookieLine("ht_access")).contains("Max-Age=0");
        assertThat(refresh(api, token).status()).isEqualTo(401);
    }

    private static Answer refresh(AuthApi api, String refreshToken) throws Exception {
        return api.send("POST", "/api/auth/refresh", null, cookieAndCsrf(refreshToken));
    }

    private static Map<String, String> cookieAndCsrf(String refreshToken) {
        return Map.of("Cookie", "ht_refresh=" + refreshToken, "X-Requested-With", CSRF.get("X-Requested-With"));
    }
}
