package com.hypertube.auth;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class AuthServiceIT extends ServiceConventionsContract {

    @Override
    protected String serviceName() {
        return "auth-service";
    }

    @Override
    protected String schema() {
        return "auth";
    }

    @Override
    protected String firstTable() {
        return "users";
    }
}
