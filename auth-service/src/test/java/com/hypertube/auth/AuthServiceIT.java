package com.hypertube.auth;

import com.hypertube.testinfra.ServiceConventionsContract;
import com.hypertube.testinfra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class AuthServiceIT extends ServiceConventionsContract {

    AuthServiceIT() {
        super("auth-service", "auth", "users");
    }

    @Override
    protected String guardedPath() {
        return "/api/users/me";
    }

    @Override
    protected boolean usesBroker() {
        return false;
    }
}
