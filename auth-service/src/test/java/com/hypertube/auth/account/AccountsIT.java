package com.hypertube.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsIT extends AuthIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void registerAnswersTheNewUsersId() throws Exception {
        AuthApi api = api();
        Answer answer = api.post(
                "/api/auth/register",
                AuthApi.registration(
                        "newbie_" + System.nanoTime() % 100000, "newbie" + System.nanoTime() + "@example.org"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("id")).matches("[0-9a-f-]{36}");
        assertThat(answer.header("Location")).isEqualTo("/api/users/" + answer.text("id"));
        assertThat(answer.response().body()).doesNotContain("password");
    }

    @Test
    void takenUsernameOrEmailWhateverTheCaseIsAConflictOnThatField() throws Exception {
        AuthApi api = api();
        String username = api.register("Taken");

        Answer sameName = api.post(
                "/api/auth/register",
                AuthApi.registration(username.toUpperCase(), "other" + System.nanoTime() + "@example.org"));
        Answer sameEmail = api.post(
                "/api/auth/register",
                AuthApi.registration("other_" + System.nanoTime() % 100000, (username + "@example.org").toUpperCase()));

        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.text("type")).isEqualTo("urn:hypertube:problem:username-taken");
        assertThat(sameName.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.text("type")).isEqualTo("urn:hypertube:problem:email-taken");
    }

    @Test
    void weakPasswordsAndBadFieldsAreNamed() throws Exception {
        AuthApi api = api();
        Map<String, Object> weak = AuthApi.registration(
                "weakling_" + System.nanoTime() % 100000, "weak" + System.nanoTime() + "@example.org");
        weak.put("password", "password123");
        Map<String, Object> bad = AuthApi.registration("x", "not-an-email");
        bad.put("firstName", "");

        Answer weakAnswer = api.post("/api/auth/register", weak);
        Answer badAnswer = api.post("/api/auth/register", bad);

        assertThat(weakAnswer.status()).isEqualTo(400);
        assertThat(weakAnswer.json().get("errors").get(0).get("field").asString())
                .isEqualTo("password");
        assertThat(weakAnswer.json().get("errors").get(0).get("message").asString())
                .contains("common");
        assertThat(badAnswer.status()).isEqualTo(400);
        assertThat(badAnswer.text("type")).isEqualTo("urn:hypertube:problem:validation-failed");
        assertThat(badAnswer.response().body()).contains("\"username\"", "\"email\"", "\"firstName\"");
    }

    @Test
    void injectionStringsAreStoredAndReturnedVerbatim() throws Exception {
        AuthApi api = api();
        String username = api.register("inject");
        String token = api.login(username).text("accessToken");
        String sql = "Robert'); DROP TABLE users;--";
        String html = "<script>alert(1)</script>";

        Answer patched =
                api.send("PATCH", "/api/users/me", Map.of("firstName", sql, "lastName", html), AuthApi.bearer(token));

        assertThat(patched.status()).isEqualTo(200);
        Answer me = api.get("/api/users/me", token);
        assertThat(me.text("firstName")).isEqualTo(sql);
        assertThat(me.text("lastName")).isEqualTo(html);
        assertThat(me.header("Content-Type")).startsWith("application/json");
        assertThat(api.get("/api/users?size=100", token).status()).isEqualTo(200);
    }

    @Test
    void injectionStringsInEveryOtherTextFieldAreStoredVerbatimOrRefusedCleanly() throws Exception {
        AuthApi api = api();
        String quoted = "o'reilly+" + System.nanoTime() + "@example.org"; // a valid address with a quote
        Map<String, Object> registration = AuthApi.registration("quoted_" + System.nanoTime() % 100000, quoted);
        registration.put("firstName", "'; DELETE FROM auth.users; --");
        Answer registered = api.post("/api/auth/register", registration);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(quoted);
        assertThat(registered.text("firstName")).isEqualTo("'; DELETE FROM auth.users; --");
        String token = api.login((String) registration.get("username")).text("accessToken");

        // A username that is not one is refused as a field error, never run.
        Answer badName = api.send("PATCH", "/api/users/me", Map.of("username", "x' OR '1'='1"), AuthApi.bearer(token));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        // A sign-in with an injection as username is an ordinary failure, audited with what was typed.
        String typed = "admin' --" + System.nanoTime();
        assertThat(api.login(typed, "whatever-1234").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ?")
                        .param(typed)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // An API client's name is text like any other.
        Answer client = api.send(
                "POST",
                "/api/users/me/api-clients",
                Map.of("name", "<img src=x onerror=alert(1)>"),
                AuthApi.bearer(token));
        assertThat(client.text("name")).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aUserCanOnlyChangeTheirOwnProfile() throws Exception {
        AuthApi api = api();
        String alice = api.login(api.register("owner")).text("accessToken");
        String bobId =
                api.login(api.register("victim")).json().get("user").get("id").asString();

        Answer attack = api.send("PATCH", "/api/users/" + bobId, Map.of("firstName", "pwned"), AuthApi.bearer(alice));

        assertThat(attack.status()).isEqualTo(403);
        assertThat(attack.text("type")).isEqualTo("urn:hypertube:problem:forbidden");
    }

    @Test
    void theSubjectsPublicUsersPathsFollowTheSameRules() throws Exception {
        AuthApi api = api();
        Answer alice = api.login(api.register("public_a"));
        String token = alice.text("accessToken");
        String aliceId = alice.json().get("user").get("id").asString();
        String bobId =
                api.login(api.register("public_b")).json().get("user").get("id").asString();

        assertThat(api.get("/users", token).json().get("items").size()).isPositive();
        assertThat(api.get("/users/" + bobId, token).text("email")).isNull();
        assertThat(api.send("PATCH", "/users/" + aliceId, Map.of("firstName", "Alicia"), AuthApi.bearer(token))
                        .text("firstName"))
                .isEqualTo("Alicia");
        Answer attack = api.send("PATCH", "/users/" + bobId, Map.of("firstName", "pwned"), AuthApi.bearer(token));
        assertThat(attack.status()).isEqualTo(403);
        Answer put = api.send("PUT", "/users/" + aliceId, Map.of(), AuthApi.bearer(token));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("GET").contains("PATCH");
        assertThat(api.get("/users", null).status()).isEqualTo(401);
    }

    @Test
    void othersSeePublicFieldsOnlyAndTheListIsPaged() throws Exception {
        AuthApi api = api();
        String viewer = api.login(api.register("viewer")).text("accessToken");
        Answer other = api.login(api.register("shown"));
        String otherId = other.json().get("user").get("id").asString();

        Answer seen = api.get("/api/users/" + otherId, viewer);
        Answer self = api.get("/api/users/" + otherId, other.text("accessToken"));
        Answer page = api.get("/api/users?page=0&size=2", viewer);

        assertThat(seen.text("email")).isNull();
        assertThat(seen.text("username"))
                .isEqualTo(other.json().get("user").get("username").asString());
        assertThat(self.text("email")).isNotNull();
        assertThat(page.json().get("items").size()).isEqualTo(2);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.response().body()).doesNotContain("@example.org");
        assertThat(api.get("/api/users?size=1000", viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/users", null).status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndSignsOutEverywhere() throws Exception {
        AuthApi api = api();
        String username = api.register("changer");
        Answer login = api.login(username);
        String token = login.text("accessToken");

        Answer wrongOld = api.send(
                "PATCH",
                "/api/users/me",
                Map.of("currentPassword", "nope-nope-1", "newPassword", "brand-new-pass-7"),
                AuthApi.bearer(token));
        Answer changed = api.send(
                "PATCH",
                "/api/users/me",
                Map.of(
                        "currentPassword",
                        AuthApi.PASSWORD,
                        "newPassword",
                        "brand-new-pass-7",
                        "preferredLanguage",
                        "fr"),
                AuthApi.bearer(token));

        assertThat(wrongOld.status()).isEqualTo(400);
        assertThat(wrongOld.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("preferredLanguage")).isEqualTo("fr");
        assertThat(api.login(username, "brand-new-pass-7").status()).isEqualTo(200);
        assertThat(api.login(username, AuthApi.PASSWORD).status()).isEqualTo(401);
        Answer refresh = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                Map.of("Cookie", "ht_refresh=" + login.cookie("ht_refresh"), "X-Requested-With", "t"));
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(api.get("/api/users/me/audit", token).response().body()).contains("PASSWORD_CHANGED", "SIGN_IN");
    }
}
