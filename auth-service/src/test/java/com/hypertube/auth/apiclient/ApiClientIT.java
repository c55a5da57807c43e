package com.hypertube.auth.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiClientIT extends AuthIntegrationTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void aRegisteredClientGetsAReadScopedToken() throws Exception {
        AuthApi api = api();
        String user = api.login(api.register("developer")).text("accessToken");
        Answer created =
                api.send("POST", "/api/users/me/api-clients", Map.of("name", "My script"), AuthApi.bearer(user));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("clientId");
        String secret = created.text("clientSecret");

        Answer token = api.send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8))));

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.text("token_type")).isEqualTo("Bearer");
        assertThat(token.text("scope")).isEqualTo("read");
        String access = token.text("access_token");
        assertThat(api.get("/api/users?size=5", access).status()).isEqualTo(200);
        // A program is not a user: nothing that belongs to one.
        assertThat(api.get("/api/users/me", access).status()).isEqualTo(403);
    }

    @Test
    void aServiceGetsAServiceScopedTokenThatIsNobodysUser() throws Exception {
        AuthApi api = api();

        Answer token = api.send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&client_id=media-service&client_secret=test-service-secret-0123456789",
                FORM);
        Answer wrong = api.send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&client_id=media-service&client_secret=test-service-secret-01234567XX",
                FORM);
        Answer widened = api.send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&scope=user&client_id=media-service"
                        + "&client_secret=test-service-secret-0123456789",
                FORM);

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.text("scope")).isEqualTo("service");
        assertThat(api.get("/api/users/me", token.text("access_token")).status())
                .isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(widened.status()).isEqualTo(400);
        assertThat(widened.text("error")).isEqualTo("invalid_scope");
    }

    @Test
    void badCredentialsGrantsAndScopesAreRefusedTheOAuthWay() throws Exception {
        AuthApi api = api();
        String user = api.login(api.register("dev2")).text("accessToken");
        Answer created = api.send("POST", "/api/users/me/api-clients", Map.of("name", "x"), AuthApi.bearer(user));
        String id = created.text("clientId");

        Answer wrongSecret = api.send(
                "POST", "/oauth/token", "grant_type=client_credentials&client_id=" + id + "&client_secret=nope", FORM);
        Answer wrongGrant = api.send("POST", "/oauth/token", "grant_type=password&username=a&password=b", FORM);
        Answer wrongScope = api.send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials&scope=admin&client_id=" + id + "&client_secret="
                        + created.text("clientSecret"),
                FORM);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.text("error")).isEqualTo("invalid_client");
        assertThat(wrongSecret.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongGrant.status()).isEqualTo(400);
        assertThat(wrongGrant.text("error")).isEqualTo("unsupported_grant_type");
        assertThat(wrongScope.status()).isEqualTo(400);
        assertThat(wrongScope.text("error")).isEqualTo("invalid_scope");
    }

    /** Hardening issue, finding 9: API clients can be listed and revoked, and go when the password changes. */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void clientsAreListedWithoutSecretsRevokedByTheirOwnerAndGoneAfterAPasswordChange() throws Exception {
        AuthApi api = api();
        String owner = api.login(api.register("owner")).text("accessToken");
        String stranger = api.login(api.register("stranger")).text("accessToken");
        String first = api.send("POST", "/api/users/me/api-clients", Map.of("name", "one"), AuthApi.bearer(owner))
                .text("clientId");
        String second = api.send("POST", "/api/users/me/api-clients", Map.of("name", "two"), AuthApi.bearer(owner))
                .text("clientSecret");
        assertThat(second).isNotBlank();

        Answer listed = api.get("/api/users/me/api-clients", owner);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.response().body())
                .contains(first, "\"one\"", "\"two\"")
                .doesNotContain(second, "ecret");
        assertThat(api.get("/api/users/me/api-clients", stranger).response().body())
                .isEqualTo("[]");

        assertThat(api.send("DELETE", "/api/users/me/api-clients/" + first, null, AuthApi.bearer(stranger))
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/users/me/api-clients/" + first, null, AuthApi.bearer(owner))
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/users/me/api-clients", owner).response().body())
                .doesNotContain(first)
                .contains("two");

        assertThat(api.send(
                                "PATCH",
                                "/api/users/me",
                                Map.of("currentPassword", AuthApi.PASSWORD, "newPassword", "a-whole-new-one-9"),
                                AuthApi.bearer(owner))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/users/me/api-clients", owner).response().body())
                .isEqualTo("[]");
    }
}
