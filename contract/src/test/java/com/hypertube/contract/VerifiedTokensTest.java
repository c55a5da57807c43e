package com.hypertube.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aTokenIsKnownUntilItExpiresThenExpiredOnceThenUnknown() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);

        assertThat(tokens.lookup("t")).isInstanceOf(VerifiedTokens.Lookup.Unknown.class);
        tokens.remember("t", "alice", NOW.plusSeconds(60));
        assertThat(tokens.lookup("t")).isEqualTo(new VerifiedTokens.Lookup.Known<>("alice"));

        now.set(NOW.plusSeconds(60));
        assertThat(tokens.lookup("t")).isInstanceOf(VerifiedTokens.Lookup.Expired.class);
        assertThat(tokens.lookup("t")).isInstanceOf(VerifiedTokens.Lookup.Unknown.class);
    }

    @Test
    void pastItsBoundItStartsOver() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(2, () -> NOW);
        tokens.remember("a", "1", NOW.plusSeconds(60));
        tokens.remember("b", "2", NOW.plusSeconds(60));
        tokens.remember("c", "3", NOW.plusSeconds(60));

        assertThat(tokens.lookup("a")).isInstanceOf(VerifiedTokens.Lookup.Unknown.class);
        assertThat(tokens.lookup("c")).isEqualTo(new VerifiedTokens.Lookup.Known<>("3"));
    }
}
