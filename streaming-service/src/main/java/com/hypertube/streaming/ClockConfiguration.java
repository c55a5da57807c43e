package com.hypertube.streaming;

import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The time, as a bean: tests of cooldowns and clean-up swap it for a clock they move. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    InstantSource clock() {
        return InstantSource.system();
    }
}
