package com.hypertube.streaming;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class StreamingServiceIT extends ServiceConventionsContract {

    @Override
    protected String serviceName() {
        return "streaming-service";
    }

    @Override
    protected String schema() {
        return "streaming";
    }

    @Override
    protected String firstTable() {
        return "download_jobs";
    }
}
