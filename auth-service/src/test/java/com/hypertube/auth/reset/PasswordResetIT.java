package com.hypertube.auth.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password reset against an in-process SMTP server (GreenMail). */
class PasswordResetIT extends AuthIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/reset-password#token=([A-Za-z0-9_-]+)");

    @Test
    void aMailedLinkSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        AuthApi api = api();
        String username = api.register("forgetful");
        String refresh = api.login(username).cookie("ht_refresh");

        Answer asked = api.post("/api/auth/password-reset", Map.of("email", username + "@example.org"));
        assertThat(asked.status()).isEqualTo(202);
        String token = tokenMailedTo(username + "@example.org");

        Answer weak = api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        Answer confirmed =
                api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "a-fresh-start-9"));
        assertThat(confirmed.status()).as(confirmed.response().body()).isEqualTo(204);

        assertThat(api.login(username, "a-fresh-start-9").status()).isEqualTo(200);
        assertThat(api.login(username, AuthApi.PASSWORD).status()).isEqualTo(401);
        Answer reused =
                api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "another-one-22"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.text("type")).isEqualTo("urn:hypertube:problem:reset-token-invalid");
        Answer oldSession = api.send(
                "POST", "/api/auth/refresh", null, Map.of("Cookie", "ht_refresh=" + refresh, "X-Requested-With", "t"));
        assertThat(oldSession.status()).isEqualTo(401);
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() throws Exception {
        AuthApi api = api();
        String username = api.register("slow");
        api.post("/api/auth/password-reset", Map.of("email", username + "@example.org"));
        String token = tokenMailedTo(username + "@example.org");

        clock.advance(Duration.ofMinutes(31));

        Answer late =
                api.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "a-fresh-start-9"));
        assertThat(late.status()).isEqualTo(400);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        AuthApi api = api();
        String username = api.register("known");

        Answer known = api.post("/api/auth/password-reset", Map.of("email", username + "@example.org"));
        Answer unknown = api.post("/api/auth/password-reset", Map.of("email", "nobody-" + username + "@example.org"));

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.response().body()).isEqualTo(known.response().body());
        assertThat(unknown.response().headers().map().keySet())
                .isEqualTo(known.response().headers().map().keySet());
        tokenMailedTo(username + "@example.org");
        Thread.sleep(300);
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(PasswordResetIT::recipient))
                .doesNotContain("nobody-" + username + "@example.org");
    }

    @Test
    void manyRequestsForOneAddressAreThrottled() throws Exception {
        AuthApi api = api();
        String email = api.register("spammed") + "@example.org";
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status =
                    api.post("/api/auth/password-reset", Map.of("email", email)).status();
        }
        assertThat(status).isEqualTo(429);
    }

    private static String tokenMailedTo(String address) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(message -> address.equals(recipient(message)))
                                .map(GreenMailUtil::getBody)
                                .map(body -> body.replace("=\r\n", "").replace("=3D", "="))
                                .map(LINK::matcher)
                                .filter(Matcher::find)
                                .map(matcher -> matcher.group(1))
                                .reduce((first, second) -> second)
                                .orElse(null),
                        token -> token != null);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
