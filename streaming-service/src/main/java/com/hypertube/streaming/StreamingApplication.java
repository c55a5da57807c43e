package com.hypertube.streaming;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Download jobs, HTTP Range streaming while downloading, conversion, subtitles and cleanup. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamingApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamingApplication.class, args);
    }
}
