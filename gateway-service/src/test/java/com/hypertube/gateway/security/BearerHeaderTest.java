package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Authorization header is read as Spring Security's bearer-token converter reads it, without its regex. */
class BearerHeaderTest {

    // Spring Security's own expression (ServerBearerTokenAuthenticationConverter): the reference.
    private static final Pattern SPRING =
            Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc.def.ghi",
                "bearer abc",
                "BEARER a-b_c~d+e/f==",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer ====",
                "Bearer a=b",
                "Bearer abc\n",
                "Bearer ab\u00e9c",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
            })
    void readsTheHeaderAsSpringSecurityDoes(String header) {
        assertThat(TokenFromHeaderOrCookie.bearerToken(header)).isEqualTo(reference(header));
    }

    @Test
    void agreesWithSpringSecurityOnRandomHeaders() {
        String alphabet = "aZ09-._~+/= \t\n:é%Bb";
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR");
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = header.toString();
            assertThat(TokenFromHeaderOrCookie.bearerToken(value)).as(value).isEqualTo(reference(value));
        }
    }

    private static String reference(String header) {
        Matcher matcher = SPRING.matcher(header);
        return matcher.matches() ? matcher.group("token") : null;
    }
}
