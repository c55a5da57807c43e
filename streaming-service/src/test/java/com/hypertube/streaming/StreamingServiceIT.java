package com.hypertube.streaming;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class StreamingServiceIT extends ServiceConventionsContract {

    StreamingServiceIT() {
        super("streaming-service", "streaming", "download_jobs");
    }

    @Override
    protected String guardedPath() {
        return "/api/downloads";
    }
}
