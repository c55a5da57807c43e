package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/** The guard's rules, request by request: who may reach what (the full flows are in GatewayGuardIT). */
class AccessRulesTest {

    /** The public paths as the gateway's application.yml configures them: the policy under test. */
    private static final PublicPaths CONFIGURED = PublicPaths.of(configuredPublicPaths());

    private static List<String> configuredPublicPaths() {
        var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
        java.util.Properties properties = yaml.getObject();
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; properties.containsKey("hypertube.gateway.security.public-paths[" + i + "]"); i++) {
            entries.add(properties.getProperty("hypertube.gateway.security.public-paths[" + i + "]"));
        }
        assertThat(entries).as("public paths in application.yml").isNotEmpty();
        return entries;
    }

    @org.junit.jupiter.api.Test
    void anEntryThatIsNotMethodAndPathIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicPaths.of(List.of("/api/anything")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("METHOD /pattern");
    }

    @ParameterizedTest(name = "{0} {1} is public: {2}")
    @CsvSource({
        "POST, /api/auth/register, true",
        "POST, /api/auth/login, true",
        "GET, /api/auth/login, false",
        "POST, /api/auth/refresh, true",
        "POST, /api/auth/logout, true",
        "POST, /api/auth/password-reset, true",
        "POST, /api/auth/password-reset/confirm, true",
        "GET, /api/auth/oauth/github/callback, true",
        "POST, /oauth/token, true",
        "GET, /oauth/token, false",
        "GET, /.well-known/jwks.json, true",
        "GET, /actuator/health, true",
        "GET, /actuator/health/readiness, true",
        "HEAD, /actuator/health, true",
        "GET, /actuator/prometheus, false",
        "GET, /swagger-ui.html, true",
        "GET, /api-docs/auth-service, true",
        "OPTIONS, /api/users/me, true",
        "GET, /, true",
        "GET, /watch/42, true",
        // The subject's public API, not a page of the app:
        "GET, /movies/42, false",
        "GET, /comments, false",
        "GET, /users/1, false",
        "HEAD, /app.js, true",
        "POST, /movies/42, false",
        "GET, /api/users/me, false",
        "GET, /api, false",
        "GET, /stream/abc/0, false",
        "DELETE, /api/auth/register, false",
    })
    void publicPaths(String method, String path, boolean open) {
        assertThat(CONFIGURED.isPublic(request(method, path))).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} {1} with scope {2}: granted {3}")
    @CsvSource({
        "GET, /api/users/me, user, true",
        "PATCH, /api/users/me, user, true",
        "GET, /api/users/me, read, true",
        "HEAD, /stream/abc/0, read, true",
        "GET, /api, read, true",
        "PATCH, /api/users/me, read, false",
        "POST, /api/comments, read, false",
        "GET, /actuator/prometheus, read, false",
        "GET, /actuator/prometheus, user, false",
        "GET, /api/users/me, other, false",
        "GET, /api/users/me, , false",
        "POST, /api/auth/login, , true",
    })
    void accessByScope(String method, String path, String scope, boolean granted) {
        Mono<Authentication> authentication = scope == null
                ? Mono.empty()
                : Mono.just(new TestingAuthenticationToken(
                        "someone", null, List.of(new SimpleGrantedAuthority("SCOPE_" + scope))));
        AuthorizationContext context = new AuthorizationContext(MockServerWebExchange.from(request(method, path)));

        AuthorizationResult result =
                new AccessRules(CONFIGURED).authorize(authentication, context).block();

        assertThat(result).isNotNull();
        assertThat(result.isGranted()).isEqualTo(granted);
    }

    private static MockServerHttpRequest request(String method, String path) {
        return MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build();
    }
}
