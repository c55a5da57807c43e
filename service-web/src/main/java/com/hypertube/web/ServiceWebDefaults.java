package com.hypertube.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-web-defaults.yml} — the settings every servlet service shares (the datasource from
 * {@code DB_*}, graceful shutdown, whom to believe for client addresses, actuator, API docs, the request id in
 * log lines, the token check) — as the lowest-precedence property source, after the service's own
 * configuration is loaded: one place for them, and any service may still override one.
 */
public class ServiceWebDefaults implements EnvironmentPostProcessor, Ordered {

    static final String NAME = "service-web-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(NAME, new ClassPathResource(NAME + ".yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + NAME + ".yml from service-web", e);
        }
    }

    // After the service's own application.yml is in: addLast then really is the lowest precedence.
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
