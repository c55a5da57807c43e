package com.hypertube.auth.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.hypertube.testinfra.MovableClock;
import com.hypertube.testinfra.TestInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one context every auth integration test shares (so Spring builds it once): the real service on a
 * random port against the test Postgres, a movable clock, an in-process SMTP server (GreenMail) and a
 * local OAuth2 provider (WireMock) standing in for GitHub and 42.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestInfrastructure.class, AuthIntegrationTest.Clocks.class})
public abstract class AuthIntegrationTest {

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final WireMockServer PROVIDER =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        MAIL.start();
        PROVIDER.start();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return MovableClock.runningFromNow();
        }
    }

    @DynamicPropertySource
    static void localServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("hypertube.auth.admins", () -> "Named_Admin, someone_else");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        String provider = "http://127.0.0.1:" + PROVIDER.port();
        registry.add("hypertube.auth.oauth.github.client-id", () -> "github-client");
        registry.add("hypertube.auth.oauth.github.client-secret", () -> "github-secret");
        registry.add("hypertube.auth.oauth.github.authorization-uri", () -> provider + "/login/oauth/authorize");
        registry.add("hypertube.auth.oauth.github.token-uri", () -> provider + "/login/oauth/access_token");
        registry.add("hypertube.auth.oauth.github.user-info-uri", () -> provider + "/user");
        registry.add("hypertube.auth.oauth.github.emails-uri", () -> provider + "/user/emails");
        registry.add("hypertube.auth.oauth.42.client-id", () -> "intra-client");
        registry.add("hypertube.auth.oauth.42.client-secret", () -> "intra-secret");
        registry.add("hypertube.auth.oauth.42.authorization-uri", () -> provider + "/intra/oauth/authorize");
        registry.add("hypertube.auth.oauth.42.token-uri", () -> provider + "/intra/oauth/token");
        registry.add("hypertube.auth.oauth.42.user-info-uri", () -> provider + "/intra/v2/me");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    protected AuthApi api() {
        return new AuthApi("http://127.0.0.1:" + port);
    }

    /** The clock the service reads (the movable one). */
    protected Clock serviceClock() {
        return clock;
    }
}
