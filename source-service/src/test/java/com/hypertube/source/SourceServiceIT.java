package com.hypertube.source;

import com.hypertube.testinfra.ServiceConventionsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class SourceServiceIT extends ServiceConventionsContract {

    SourceServiceIT() {
        super("source-service", "source", "torrent_sources");
    }

    @Override
    protected String guardedPath() {
        return "/api/sources/search";
    }
}
