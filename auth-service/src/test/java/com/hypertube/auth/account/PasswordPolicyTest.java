package com.hypertube.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short1|at least 10",
                "onlyletterslong|mix letters",
                "1234567890123|mix letters",
                "Password123|common",
                "alice-rocks-99|username",
                "mail-alice@example.org-1|username",
                "ééééééééééééééééééééééééééééééééééééé1|at most 72 bytes",
            })
    void refusedPasswordsSayWhy(String password, String reason) {
        assertThat(PasswordPolicy.problem(password, "alice", "alice@example.org"))
                .hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @CsvSource({"correct-horse-42", "Tr0ub4dor&3xyz", "pâté en croûte 7"})
    void goodPasswordsPass(String password) {
        assertThat(PasswordPolicy.problem(password, "alice", "alice@example.org"))
                .isEmpty();
    }
}
