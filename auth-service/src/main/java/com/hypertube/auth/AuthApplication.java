package com.hypertube.auth;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Accounts, passwords, OAuth2 login, access and refresh tokens, password reset and the audit log. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthApplication.class, args);
    }

    /** Token expiry and throttles read the time here, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
