package com.hypertube.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/** The guard refuses exactly the request lines Spring Security's strict firewall refused (the reference). */
@Tag("security")
class RequestFirewallTest {

    private static final StrictServerWebExchangeFirewall SPRING = new StrictServerWebExchangeFirewall();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/downloads",
                "/%61pi/downloads",
                "/api;x=y/downloads",
                "/api/downloads;jsessionid=1",
                "//api/downloads",
                "/api//downloads",
                "/./api/downloads",
                "/api/./downloads",
                "/x/../api/downloads",
                "/actuator/health/..;/..;/api/downloads",
                "/%2e/api/downloads",
                "/%2E%2E/api",
                "/api/downloads/",
                "/api%2Fdownloads",
                "/api%2fdownloads",
                "/api%5Cdownloads",
                "/api%5cdownloads",
                "/api/downloads%00",
                "/api/users/me%25",
                "/api/users/me%0a",
                "/api/users/me%0D",
                "/api/users/me%3B",
                "/api/users/me%3b",
                "/api/users/me%E2%80%A8",
                "/api/users/me%E2%80%A9",
                "/api/users/me/..",
                "/api/users/me/.",
                "/api/users/...",
                "/api/users/.x",
                "/api/caf%C3%A9",
                "/api/users/me?x=%0a&y=;",
                "/",
                "/.",
                "/..",
            })
    void refusesWhatTheStrictFirewallRefused(String path) {
        assertSameAsSpring(HttpMethod.GET, path);
    }

    @Test
    void onlyTheUsualMethodsPass() {
        for (String method : List.of(
                "GET",
                "HEAD",
                "POST",
                "PUT",
                "PATCH",
                "DELETE",
                "OPTIONS",
                "TRACE",
                "CONNECT",
                "PROPFIND",
                "FOO",
                "get")) {
            assertSameAsSpring(HttpMethod.valueOf(method), "/api/users/me");
        }
    }

    @Test
    void agreesWithTheStrictFirewallOnRandomPaths() {
        String[] pieces = {
            "/",
            "/",
            "/",
            "a",
            "api",
            ".",
            "..",
            ";",
            "%2f",
            "%2F",
            "%2e",
            "%2E",
            "%25",
            "%5c",
            "%5C",
            "%00",
            "%0a",
            "%0D",
            "%3b",
            "%3B",
            "%41",
            "%e2%80%a8",
            "%c3%a9",
            "%20",
            "x=1",
            "~",
            "-",
            "%2",
            "%"
        };
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder path = new StringBuilder("/");
            int length = random.nextInt(7);
            for (int p = 0; p < length; p++) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            URI uri;
            try {
                uri = URI.create("http://localhost" + path);
            } catch (IllegalArgumentException notAUri) {
                continue; // a lone % cannot reach the gateway either: Netty refuses it first
            }
            assertSameAsSpring(HttpMethod.GET, uri);
            checked++;
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    private static void assertSameAsSpring(HttpMethod method, String path) {
        assertSameAsSpring(method, URI.create("http://localhost" + path));
    }

    private static void assertSameAsSpring(HttpMethod method, URI uri) {
        MockServerHttpRequest request =
                MockServerHttpRequest.method(method, uri).build();
        boolean spring = Boolean.TRUE.equals(SPRING.getFirewalledExchange(MockServerWebExchange.from(request))
                .map(exchange -> true)
                .onErrorResume(ServerExchangeRejectedException.class, rejected -> Mono.just(false))
                .block());
        assertThat(RequestFirewall.allows(request)).as("%s %s", method, uri).isEqualTo(spring);
    }
}
