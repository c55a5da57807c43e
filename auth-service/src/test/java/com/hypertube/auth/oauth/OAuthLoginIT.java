package com.hypertube.auth.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OAuth2 sign-in against a local provider (WireMock) answering like GitHub's and 42's documented
 * endpoints: token exchange, user, GitHub's /user/emails.
 */
class OAuthLoginIT extends AuthIntegrationTest {

    @Test
    void aFirstGithubSignInCreatesTheAccountAndALaterOneFindsIt() throws Exception {
        long githubId = System.nanoTime();
        String login = "octo" + githubId % 100000;
        stubGithub("code-1", githubId, login, "The Octo Cat", login + "@users.example.org", true);

        Answer first = signIn("github", "code-1");
        assertThat(first.header("Location")).isEqualTo("http://localhost:8080/");
        String access = first.cookie("ht_access");
        assertThat(first.cookie("ht_refresh")).isNotBlank();
        Answer me = api().get("/api/users/me", access);
        assertThat(me.text("username")).isEqualTo(login);
        assertThat(me.text("email")).isEqualTo(login + "@users.example.org");
        assertThat(me.text("firstName")).isEqualTo("The");
        assertThat(me.text("lastName")).isEqualTo("Octo Cat");
        assertThat(me.json().get("hasPassword").asBoolean()).isFalse();

        Answer second = signIn("github", "code-1");
        assertThat(api().get("/api/users/me", second.cookie("ht_access")).text("id"))
                .isEqualTo(me.text("id"));
    }

    @Test
    void anUnverifiedEmailIsNotUsedAndTheUserCompletesTheSignUp() throws Exception {
        long githubId = System.nanoTime();
        String login = "unverified" + githubId % 100000;
        stubGithub("code-2", githubId, login, "Una Verified", login + "@example.org", false);

        Answer callback = signIn("github", "code-2");

        assertThat(callback.header("Location")).startsWith("http://localhost:8080/sign-up/complete#ticket=");
        assertThat(callback.cookie("ht_access")).isNull();
        String ticket = callback.header("Location")
                .substring(callback.header("Location").indexOf("ticket=") + 7);
        Answer prefill = api().get("/api/auth/oauth/ticket?ticket=" + ticket, null);
        assertThat(prefill.text("username")).isEqualTo(login);
        assertThat(prefill.text("email")).isNull();
        Answer done = api().post(
                        "/api/auth/oauth/complete",
                        Map.of(
                                "ticket",
                                ticket,
                                "username",
                                login,
                                "email",
                                login + "@mine.example.org",
                                "firstName",
                                "Una",
                                "lastName",
                                "Verified"));
        assertThat(done.status()).as(done.response().body()).isEqualTo(201);
        assertThat(done.text("accessToken")).isNotBlank();
        Answer again = api().post(
                        "/api/auth/oauth/complete",
                        Map.of(
                                "ticket",
                                ticket,
                                "username",
                                login + "x",
                                "email",
                                login + "@other.example.org",
                                "firstName",
                                "U",
                                "lastName",
                                "V"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aProviderEmailMatchingAnExistingAccountDoesNotSignIntoIt() throws Exception {
        AuthApi api = api();
        String victim = api.register("victim");
        long intraId = System.nanoTime();
        stub42("code-3", intraId, "attacker" + intraId % 100000, victim + "@example.org");

        Answer callback = signIn("42", "code-3");

        // The address is taken, so the person must choose another: never a session for the victim.
        assertThat(callback.header("Location")).startsWith("http://localhost:8080/sign-up/complete#ticket=");
        assertThat(callback.cookie("ht_access")).isNull();
    }

    @Test
    void a42SignInUsesTheSchoolsAddress() throws Exception {
        long intraId = System.nanoTime();
        String login = "student" + intraId % 100000;
        stub42("code-4", intraId, login, login + "@student.42.example.org");

        Answer callback = signIn("42", "code-4");

        assertThat(callback.header("Location")).isEqualTo("http://localhost:8080/");
        assertThat(api().get("/api/users/me", callback.cookie("ht_access")).text("email"))
                .isEqualTo(login + "@student.42.example.org");
    }

    @Test
    void aSignedInUserLinksAProviderAccount() throws Exception {
        AuthApi api = api();
        Answer session = api.login(api.register("linker"));
        long githubId = System.nanoTime();
        stubGithub("code-5", githubId, "linked" + githubId % 100000, "Lin Ked", "whatever@example.org", true);

        Answer authorize = api.send(
                "GET",
                "/api/auth/oauth/github/authorize",
                null,
                Map.of("Cookie", "ht_access=" + session.cookie("ht_access")));
        Answer callback = callback(authorize, "github", "code-5");

        assertThat(callback.header("Location")).isEqualTo("http://localhost:8080/profile?linked=github");
        Answer later = signIn("github", "code-5");
        assertThat(api.get("/api/users/me", later.cookie("ht_access")).text("id"))
                .isEqualTo(session.json().get("user").get("id").asString());
    }

    @Test
    void aWrongStateOrAFailingProviderEndsOnTheSignInPage() throws Exception {
        Answer authorize = api().get("/api/auth/oauth/github/authorize", null);
        String cookie = authorize.cookie("ht_oauth_state");
        Answer forged = api().send(
                        "GET",
                        "/api/auth/oauth/github/callback?code=x&state=forged",
                        null,
                        Map.of("Cookie", "ht_oauth_state=" + cookie));
        Answer noCookie = api().get("/api/auth/oauth/github/callback?code=x&state=" + stateOf(authorize), null);
        PROVIDER.stubFor(post("/login/oauth/access_token")
                .withRequestBody(containing("code=broken"))
                .willReturn(aResponse().withStatus(500)));
        Answer broken = callback(api().get("/api/auth/oauth/github/authorize", null), "github", "broken");
        PROVIDER.stubFor(
                post("/login/oauth/access_token")
                        .withRequestBody(containing("code=expired"))
                        .willReturn(
                                okJson(
                                        "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}")));
        Answer expired = callback(api().get("/api/auth/oauth/github/authorize", null), "github", "expired");

        assertThat(forged.header("Location")).isEqualTo("http://localhost:8080/signin?error=oauth-state");
        assertThat(noCookie.header("Location")).isEqualTo("http://localhost:8080/signin?error=oauth-state");
        assertThat(broken.header("Location")).isEqualTo("http://localhost:8080/signin?error=oauth-provider");
        assertThat(expired.header("Location")).isEqualTo("http://localhost:8080/signin?error=oauth-provider");
        assertThat(api().get("/api/auth/oauth/myspace/authorize", null).status())
                .isEqualTo(404);
    }

    @Test
    void theAuthorizeRedirectCarriesWhatTheProviderNeeds() throws Exception {
        Answer authorize = api().get("/api/auth/oauth/github/authorize", null);

        URI location = URI.create(authorize.header("Location"));
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(location.getPath()).isEqualTo("/login/oauth/authorize");
        assertThat(query.getFirst("client_id")).isEqualTo("github-client");
        assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost:8080/api/auth/oauth/github/callback");
        assertThat(query.getFirst("state")).hasSizeGreaterThan(30);
        assertThat(authorize.cookieLine("ht_oauth_state")).contains("HttpOnly", "SameSite=Lax", "Path=/api/auth/oauth");
        assertThat(api().get("/api/auth/oauth/providers", null).response().body())
                .contains("github", "42");
    }

    private Answer signIn(String provider, String code) throws Exception {
        return callback(api().get("/api/auth/oauth/" + provider + "/authorize", null), provider, code);
    }

    private Answer callback(Answer authorize, String provider, String code) throws Exception {
        return api().send(
                        "GET",
                        "/api/auth/oauth/" + provider + "/callback?code=" + code + "&state=" + stateOf(authorize),
                        null,
                        Map.of("Cookie", "ht_oauth_state=" + authorize.cookie("ht_oauth_state")));
    }

    private static String stateOf(Answer authorize) {
        return UriComponentsBuilder.fromUriString(authorize.header("Location"))
                .build()
                .getQueryParams()
                .getFirst("state");
    }

    // GitHub: POST /login/oauth/access_token (form, Accept: application/json), GET /user, GET /user/emails.
    private static void stubGithub(String code, long id, String login, String name, String email, boolean verified) {
        String token = "gho_" + code;
        PROVIDER.stubFor(post("/login/oauth/access_token")
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_secret=github-secret"))
                .willReturn(okJson("{\"access_token\":\"" + token
                        + "\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}")));
        PROVIDER.stubFor(get("/user")
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(
                        "{\"login\":\"" + login + "\",\"id\":" + id + ",\"name\":\"" + name + "\",\"email\":null}")));
        PROVIDER.stubFor(get("/user/emails")
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[{\"email\":\"" + email + "\",\"primary\":true,\"verified\":" + verified
                        + ",\"visibility\":\"public\"}]")));
    }

    // 42: POST /oauth/token, GET /v2/me.
    private static void stub42(String code, long id, String login, String email) {
        String token = "intra_" + code;
        PROVIDER.stubFor(post("/intra/oauth/token")
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + token
                        + "\",\"token_type\":\"bearer\",\"expires_in\":7200,\"scope\":\"public\"}")));
        PROVIDER.stubFor(get("/intra/v2/me")
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"id\":" + id + ",\"login\":\"" + login + "\",\"email\":\"" + email
                        + "\",\"first_name\":\"Stu\",\"last_name\":\"Dent\",\"usual_full_name\":\"Stu Dent\"}")));
    }
}
