package com.hypertube.media;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The catalog: films and series with TMDB metadata, comments, and per-user watched and resume state. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MediaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediaApplication.class, args);
    }
}
