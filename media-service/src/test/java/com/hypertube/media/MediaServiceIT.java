package com.hypertube.media;

import com.hypertube.media.support.MediaTestConfiguration;
import com.hypertube.testinfra.ServiceConventionsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MediaTestConfiguration.class)
class MediaServiceIT extends ServiceConventionsContract {

    MediaServiceIT() {
        super("media-service", "media", "titles");
    }

    @Override
    protected String guardedPath() {
        return "/api/library/continue";
    }
}
