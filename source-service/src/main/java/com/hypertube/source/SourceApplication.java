package com.hypertube.source;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Finds torrents for a title from YTS, EZTV and Torznab indexers, and checks their swarm health. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SourceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SourceApplication.class, args);
    }
}
