package com.hypertube.gateway.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What anyone may reach without a token; everything else needs one. Plain code rather than a composition of
 * Spring Security's reactive matchers: it is asked twice on every request (by the token reader and by
 * {@link AccessRules}), and an {@code OrServerWebExchangeMatcher} of thirteen matchers built a chain of
 * reactive operators each time — a measurable part of the gateway's cost per request. The patterns are
 * parsed and matched as {@code PathPatternParserServerWebExchangeMatcher} does.
 */
final class PublicPaths {

    /** Paths that hold an API or a stream: everything outside them is the UI's static files. */
    static final List<String> PROTECTED_AREAS = List.of("/api/**", "/stream/**", "/oauth/**", "/actuator/**");

    /** A method (null: any) and the paths it opens. */
    private record Rule(HttpMethod method, List<PathPattern> paths) {

        boolean allows(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && matchesAny(paths, path);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(HttpMethod.POST, "/api/auth/register"),
            rule(HttpMethod.POST, "/api/auth/login"),
            // Refresh and sign-out act on the refresh cookie; the auth service checks it and the CSRF header.
            rule(HttpMethod.POST, "/api/auth/refresh"),
            rule(HttpMethod.POST, "/api/auth/logout"),
            rule(HttpMethod.POST, "/api/auth/password-reset"),
            rule(HttpMethod.POST, "/api/auth/password-reset/confirm"),
            // The OAuth dance is browser navigation; a signed-in user's cookie is checked by the auth service.
            rule(null, "/api/auth/oauth/**"),
            rule(HttpMethod.POST, "/oauth/token"),
            rule(HttpMethod.GET, "/.well-known/jwks.json"),
            rule(HttpMethod.GET, "/actuator/health", "/actuator/health/**"),
            rule(HttpMethod.GET, "/api-docs/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
            rule(HttpMethod.OPTIONS, "/**"));

    private static final List<PathPattern> AREAS = patterns(PROTECTED_AREAS.toArray(String[]::new));

    private PublicPaths() {}

    static boolean isPublic(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Rule rule : RULES) {
            if (rule.allows(method, path)) {
                return true;
            }
        }
        return isUiFile(method, path);
    }

    // GET or HEAD outside the API areas: index.html, scripts, styles, the UI's own routes.
    private static boolean isUiFile(HttpMethod method, PathContainer path) {
        return (method == HttpMethod.GET || method == HttpMethod.HEAD) && !matchesAny(AREAS, path);
    }

    static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static Rule rule(HttpMethod method, String... paths) {
        return new Rule(method, patterns(paths));
    }

    static List<PathPattern> patterns(String... paths) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return Arrays.stream(paths)
                .map(path -> parser.parse(parser.initFullPathPattern(path)))
                .toList();
    }
}
