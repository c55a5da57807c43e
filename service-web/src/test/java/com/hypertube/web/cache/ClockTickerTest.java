package com.hypertube.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClockTickerTest {

    @Test
    void aCacheEntryExpiresWhenTheServicesClockSaysSoNotTheMachines() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00.000000123Z"));
        InstantSource clock = now::get;
        Cache<String, String> cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofHours(1))
                .ticker(ClockTicker.of(clock))
                .build();
        cache.put("page", "answer");

        now.set(now.get().plus(Duration.ofMinutes(59)));
        assertThat(cache.getIfPresent("page")).isEqualTo("answer");
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(cache.getIfPresent("page")).isNull();
        assertThat(ClockTicker.of(clock).read() % 1_000_000_000L)
                .as("nanoseconds kept")
                .isEqualTo(123);
    }
}
