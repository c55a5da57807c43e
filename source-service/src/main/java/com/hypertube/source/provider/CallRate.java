package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties.Limits;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * One provider's call rate, shared by every search running at once: public APIs ban clients that hammer them,
 * and an indexer behind Jackett hammers the site behind it. A search that does not get its turn within a short
 * wait skips the provider rather than holding up the answer.
 */
final class CallRate {

    private final RateLimiter limiter;

    CallRate(String name, Limits limits) {
        this.limiter = RateLimiter.of(
                name,
                RateLimiterConfig.custom()
                        .limitForPeriod(limits.callsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(limits.permitWait())
                        .build());
    }

    /** Whether a call may go now (waiting at most the permit wait); false means skip it. */
    boolean tryCall() {
        return limiter.acquirePermission();
    }
}
