package com.hypertube.media;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class MediaServiceIT extends ServiceConventionsContract {

    MediaServiceIT() {
        super("media-service", "media", "movies");
    }

    @Override
    protected String guardedPath() {
        return "/api/library/continue";
    }
}
