package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** Header names and values are allowed exactly as Spring Security's strict firewall allows them. */
class HeaderCharactersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
                "tab\there",
                "new\nline",
                "carriage\rreturn",
                "nul\u0000",
                "del\u007f",
                "c1 control\u0085",
                "latin-1 é ü ß",
                "unassigned \u0378",
                "emoji \uD83D\uDE00",
                "lone surrogate \uD83D",
                "",
            })
    void agreesWithTheFirewallsOwnRules(String text) {
        assertSameAsFirewall(text);
    }

    @Test
    void anAbsentHeaderIsAllowedAsTheFirewallAllowsIt() {
        assertThat(HeaderCharacters.allowedInName(null))
                .isTrue()
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
        assertThat(HeaderCharacters.allowedInValue(null))
                .isTrue()
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
    }

    @Test
    void agreesWithTheFirewallOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int c = 0; c < length; c++) {
                // Mostly the first 0x100 characters (headers arrive as ISO-8859-1), some anywhere in the BMP.
                text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x100)));
            }
            assertSameAsFirewall(text.toString());
        }
    }

    private static void assertSameAsFirewall(String text) {
        assertThat(HeaderCharacters.allowedInName(text))
                .as("name %s", text.chars().mapToObj(Integer::toHexString).toList())
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
        assertThat(HeaderCharacters.allowedInValue(text))
                .as("value %s", text.chars().mapToObj(Integer::toHexString).toList())
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
    }
}
