package com.hypertube.auth.session;

import com.hypertube.auth.AuthProperties;
import com.hypertube.web.ProblemTypes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The throttles of sign-in and of password reset requests, from one configuration. */
@Configuration(proxyBeanMethods = false)
public class Throttles {

    /** Per account (or email address): the one an attacker guessing one password hits first. */
    @Bean
    Throttle accountThrottle(AuthProperties properties, Clock clock) {
        AuthProperties.Throttle settings = properties.throttle();
        return new Throttle(settings.freeAttempts(), settings.firstLockout(), settings.maxLockout(), clock);
    }

    /**
     * Per client address, four times as lenient: many people may share one address (a household, a school
     * behind NAT), but one address trying many accounts is still stopped.
     */
    @Bean
    Throttle addressThrottle(AuthProperties properties, Clock clock) {
        AuthProperties.Throttle settings = properties.throttle();
        return new Throttle(settings.freeAttempts() * 4, settings.firstLockout(), settings.maxLockout(), clock);
    }

    /**
     * Sign-ups per client address: each costs a bcrypt hash and an account, so an address gets a few, then
     * waits longer and longer (the same growing back-off as failures).
     */
    @Bean
    Throttle registrationThrottle(AuthProperties properties, Clock clock) {
        AuthProperties.Throttle settings = properties.throttle();
        return new Throttle(settings.freeAttempts(), settings.firstLockout(), settings.maxLockout(), clock);
    }

    /** The account's key in the account throttle: sign-in failures and wrong current passwords count together. */
    public static String accountKey(String username) {
        return "sign-in:user:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    /** Refuses at once, with the 429 below, while this key is locked. */
    public static void refuseIfLocked(Throttle throttle, String key, String what) {
        throttle.retryAfter(key).ifPresent(wait -> {
            throw tooMany(wait, what);
        });
    }

    /** The 429 answer: when to come back, in seconds rounded up. */
    public static ErrorResponseException tooMany(Duration retryAfter, String what) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ErrorResponseException error = ProblemTypes.error(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many " + what + ": try again in " + seconds + " s.");
        error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        error.getBody().setProperty("retryAfter", seconds);
        return error;
    }
}
