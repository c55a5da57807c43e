package com.hypertube.source;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class SourceServiceIT extends ServiceConventionsContract {

    @Override
    protected String serviceName() {
        return "source-service";
    }

    @Override
    protected String schema() {
        return "source";
    }

    @Override
    protected String firstTable() {
        return "torrent_sources";
    }
}
