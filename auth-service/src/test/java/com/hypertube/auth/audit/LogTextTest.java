package com.hypertube.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hardening issue, finding 9: a sign-in username with a line break forged a line of the audit log. */
@Tag("security")
class LogTextTest {

    @Test
    void lineBreaksAndOtherControlCharactersCannotStartALineOfTheirOwn() {
        String forged = "bob\n2026-12-01T00:00:00Z INFO audit : SIGN_IN user=admin\r\u2028\u0000\u001b[31m";

        String escaped = LogText.escape(forged);

        assertThat(escaped).doesNotContain("\n", "\r", "\u2028", "\u0000", "\u001b");
        assertThat(escaped).startsWith("bob\\u000a2026-12-01T00:00:00Z INFO audit : SIGN_IN user=admin\\u000d");
        assertThat(LogText.escape("élodie_42")).isEqualTo("élodie_42");
        assertThat(LogText.escape(null)).isNull();
    }
}
