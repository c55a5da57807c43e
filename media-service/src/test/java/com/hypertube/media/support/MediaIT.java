package com.hypertube.media.support;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of media-service's flow tests: one Spring context for all, an empty catalog and fresh provider
 * answers before each test, and a day gone by (so TMDB answers cached by an earlier test have expired).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MediaTestConfiguration.class)
public abstract class MediaIT {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    protected MediaClient api;

    @BeforeEach
    void emptyCatalog() {
        api = new MediaClient(port);
        jdbc.sql("TRUNCATE titles, genre_names, comments, progress, shedlock CASCADE")
                .update();
        Providers.reset();
        MediaTestConfiguration.CLOCK.advance(Duration.ofHours(25));
    }
}
