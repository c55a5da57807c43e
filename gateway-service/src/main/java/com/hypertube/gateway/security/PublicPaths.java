package com.hypertube.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** What anyone may reach without a token. Everything else needs one. */
final class PublicPaths {

    /** Paths that hold an API or a stream: everything outside them is the UI's static files. */
    static final List<String> PROTECTED_AREAS = List.of("/api/**", "/stream/**", "/oauth/**", "/actuator/**");

    private PublicPaths() {}

    static ServerWebExchangeMatcher matcher() {
        return new OrServerWebExchangeMatcher(
                post("/api/auth/register"),
                post("/api/auth/login"),
                // Refresh and sign-out act on the refresh cookie; the auth service checks it and the CSRF header.
                post("/api/auth/refresh"),
                post("/api/auth/logout"),
                post("/api/auth/password-reset"),
                post("/api/auth/password-reset/confirm"),
                // The OAuth dance is browser navigation; a signed-in user's cookie is checked by the auth service.
                ServerWebExchangeMatchers.pathMatchers("/api/auth/oauth/**"),
                post("/oauth/token"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**"),
                ServerWebExchangeMatchers.pathMatchers(
                        HttpMethod.GET, "/api-docs/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.OPTIONS, "/**"),
                uiFiles());
    }

    private static ServerWebExchangeMatcher post(String path) {
        return new PathPatternParserServerWebExchangeMatcher(path, HttpMethod.POST);
    }

    // GET or HEAD outside the API areas: index.html, scripts, styles, the UI's own routes.
    private static ServerWebExchangeMatcher uiFiles() {
        ServerWebExchangeMatcher areas = ServerWebExchangeMatchers.pathMatchers(PROTECTED_AREAS.toArray(String[]::new));
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            return areas.matches(exchange)
                    .flatMap(result -> result.isMatch()
                            ? ServerWebExchangeMatcher.MatchResult.notMatch()
                            : ServerWebExchangeMatcher.MatchResult.match());
        };
    }
}
