package com.hypertube.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hardening issue, finding 6: a stolen 15-minute access token must not become the account. Changing the
 * email needs the current password (an account without one: a recent sign-in), the old address is told,
 * and every session is signed out; setting a password on an account without one needs the same.
 */
@Tag("security")
class SensitiveChangesIT extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingTheEmailNeedsThePasswordTellsTheOldAddressAndSignsOutEverywhere() throws Exception {
        AuthApi api = api();
        String username = api.register("mover");
        Answer login = api.login(username);
        String token = login.text("accessToken");
        String newEmail = username + "@elsewhere.example.org";

        Answer withoutPassword = api.send("PATCH", "/api/users/me", Map.of("email", newEmail), AuthApi.bearer(token));
        Answer wrongPassword = api.send(
                "PATCH",
                "/api/users/me",
                Map.of("email", newEmail, "currentPassword", "not-it-at-all-9"),
                AuthApi.bearer(token));
        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(withoutPassword.json().get("errors").get(0).get("field").asString())
                .isEqualTo("currentPassword");
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(api.get("/api/users/me", token).text("email")).isEqualTo(username + "@example.org");

        Answer changed = api.send(
                "PATCH",
                "/api/users/me",
                Map.of("email", newEmail, "currentPassword", AuthApi.PASSWORD),
                AuthApi.bearer(token));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("email")).isEqualTo(newEmail);
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .anyMatch(mail ->
                        sentTo(mail, username + "@example.org") && body(mail).contains(newEmail)));
        Answer refresh = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                Map.of("Cookie", "ht_refresh=" + login.cookie("ht_refresh"), "X-Requested-With", "t"));
        assertThat(refresh.status()).isEqualTo(401);
    }

    @Test
    void anAccountWithoutAPasswordNeedsARecentSignInToChangeTheEmailOrSetOne() throws Exception {
        AuthApi api = api();
        String username = api.register("oauthy");
        String token = api.login(username).text("accessToken");
        // As an account made through an OAuth provider: no password, and its sign-in long ago.
        jdbc.sql("UPDATE auth.users SET password_hash = NULL WHERE username = ?")
                .param(username)
                .update();
        jdbc.sql("UPDATE auth.audit_log SET at = now() - interval '1 hour' WHERE subject = ?")
                .param(username)
                .update();

        Answer setPassword =
                api.send("PATCH", "/api/users/me", Map.of("newPassword", "thief-chosen-pass-1"), AuthApi.bearer(token));
        Answer changeEmail =
                api.send("PATCH", "/api/users/me", Map.of("email", "thief@example.net"), AuthApi.bearer(token));
        assertThat(setPassword.status()).isEqualTo(403);
        assertThat(setPassword.text("type")).isEqualTo("urn:hypertube:problem:recent-sign-in-required");
        assertThat(changeEmail.status()).isEqualTo(403);

        // Signed in just now (what an OAuth sign-in records): allowed.
        jdbc.sql("UPDATE auth.audit_log SET at = now() WHERE subject = ? AND event = 'SIGN_IN'")
                .param(username)
                .update();
        assertThat(api.send(
                                "PATCH",
                                "/api/users/me",
                                Map.of("newPassword", "owner-chosen-pass-1"),
                                AuthApi.bearer(token))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void guessesAtTheCurrentPasswordAreThrottledLikeSignIns() throws Exception {
        AuthApi api = api();
        String username = api.register("guessed");
        String token = api.login(username).text("accessToken");
        int status = 0;
        for (int guess = 0; guess < 10 && status != 429; guess++) {
            status = api.send(
                            "PATCH",
                            "/api/users/me",
                            Map.of("email", "thief@example.net", "currentPassword", "guess-number-" + guess),
                            AuthApi.bearer(token))
                    .status();
        }
        assertThat(status).isEqualTo(429);
        // Even the right password waits now: the account is locked for a while.
        assertThat(api.send(
                                "PATCH",
                                "/api/users/me",
                                Map.of("email", "thief@example.net", "currentPassword", AuthApi.PASSWORD),
                                AuthApi.bearer(token))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void nobodyRenamesThemselvesToAnAdministratorsListedName() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("usurper")).text("accessToken");

        Answer renamed = api.send("PATCH", "/api/users/me", Map.of("username", "Someone_Else"), AuthApi.bearer(token));

        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.text("type")).isEqualTo("urn:hypertube:problem:username-taken");
    }

    private static boolean sentTo(Message mail, String address) {
        try {
            return Arrays.stream(mail.getAllRecipients())
                    .anyMatch(to -> to.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String body(Message mail) {
        // Quoted-printable: soft line breaks and an encoded '=' undone.
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)
                .replace("=\r\n", "")
                .replace("=3D", "=");
    }
}
