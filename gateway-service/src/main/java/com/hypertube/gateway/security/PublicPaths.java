package com.hypertube.gateway.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What anyone may reach without a token; everything else needs one. The list is configuration
 * ({@code hypertube.gateway.security.public-paths}: entries {@code "METHOD /pattern"}, {@code *} for any
 * method), where the policy can be read; this class only matches. Plain code rather than a composition of
 * Spring Security's reactive matchers: it is asked twice on every request (by the token reader and by
 * {@link AccessRules}), and an {@code OrServerWebExchangeMatcher} of thirteen matchers built a chain of
 * reactive operators each time — a measurable part of the gateway's cost per request. The patterns are
 * parsed and matched as {@code PathPatternParserServerWebExchangeMatcher} does.
 */
final class PublicPaths {

    /**
     * Paths that hold an API or a stream (the subject's public API is {@code /movies}, {@code /comments} and
     * {@code /users}, so the web app's own routes never use those): everything outside them is the UI's files.
     */
    static final List<String> PROTECTED_AREAS =
            List.of("/api/**", "/stream/**", "/oauth/**", "/actuator/**", "/movies/**", "/comments/**", "/users/**");

    /** A method (null: any) and the paths it opens. */
    private record Rule(HttpMethod method, List<PathPattern> paths) {

        boolean allows(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && matchesAny(paths, path);
        }
    }

    private static final List<PathPattern> AREAS = patterns(PROTECTED_AREAS.toArray(String[]::new));

    private final List<Rule> rules;

    private PublicPaths(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @param entries {@code "METHOD /pattern"} each ({@code "* /pattern"} for any method); several patterns of
     *     one method may share an entry, separated by spaces
     */
    static PublicPaths of(List<String> entries) {
        List<Rule> rules = entries.stream().map(PublicPaths::rule).toList();
        return new PublicPaths(rules);
    }

    boolean isPublic(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Rule rule : rules) {
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

    private static Rule rule(String entry) {
        String[] parts = entry.trim().split("\\s+");
        if (parts.length < 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "hypertube.gateway.security.public-paths: \"" + entry + "\" is not \"METHOD /pattern\"");
        }
        HttpMethod method = parts[0].equals("*") ? null : HttpMethod.valueOf(parts[0]);
        return new Rule(method, patterns(Arrays.copyOfRange(parts, 1, parts.length)));
    }

    static List<PathPattern> patterns(String... paths) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return Arrays.stream(paths)
                .map(path -> parser.parse(parser.initFullPathPattern(path)))
                .toList();
    }
}
