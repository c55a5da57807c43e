package com.hypertube.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void aClientSubjectIsToldApartFromAUsers() {
        assertThat(TokenClaims.isClient("client:htc_1")).isTrue();
        assertThat(TokenClaims.isClient("6f1c2a4e-0000-4000-8000-000000000001")).isFalse();
        assertThat(TokenClaims.isClient(null)).isFalse();
    }

    @Test
    void problemTypesShareOnePrefix() {
        assertThat(ProblemTypeUrns.of("cooldown")).isEqualTo("urn:hypertube:problem:cooldown");
        assertThat(ProblemTypeUrns.UNAUTHORIZED).startsWith(ProblemTypeUrns.PREFIX);
    }
}
