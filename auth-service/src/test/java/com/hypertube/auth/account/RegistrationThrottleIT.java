package com.hypertube.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hardening issue, finding 9: sign-ups were not throttled, and each costs a bcrypt hash. */
@Tag("security")
class RegistrationThrottleIT extends AuthIntegrationTest {

    @Test
    void oneAddressGetsAFewSignUpsThenWaitsAndAnotherAddressIsNotHeldUp() throws Exception {
        AuthApi flooder = api(); // one client address
        int status = 0;
        int accepted = 0;
        for (int attempt = 0; attempt < 20 && status != 429; attempt++) {
            String name = "flood" + attempt + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
            Answer answer = flooder.post("/api/auth/register", AuthApi.registration(name, name + "@example.org"));
            status = answer.status();
            if (status == 201) {
                accepted++;
            } else if (status == 429) {
                assertThat(answer.header("Retry-After")).isNotNull();
                assertThat(answer.text("type")).isEqualTo("urn:hypertube:problem:too-many-requests");
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(accepted).isBetween(5, 7);
        // Someone else, elsewhere, signs up as usual.
        assertThat(api().register("elsewhere")).isNotBlank();
    }
}
