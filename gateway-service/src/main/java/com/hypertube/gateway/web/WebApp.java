package com.hypertube.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The web app (module {@code web-ui}, a jar of static files under {@code static/}): a single-page app whose
 * client-side routes are answered with its {@code index.html}, so a deep link works after a reload. Its
 * routes never fall under the services' paths ({@code /api}, {@code /stream}, {@code /oauth}, {@code
 * /actuator} and the public API's {@code /movies}, {@code /comments}, {@code /users}), which keep going to the
 * services. Any other page a browser asks for (it accepts {@code text/html}) gets the app too ({@link
 * GatewayProblemHandler}), which shows its "not found" page; a program gets the usual 404 problem.
 *
 * <p>Caching: {@code index.html} is revalidated every time; the hashed files under {@code /assets/} never
 * change under their name, so browsers keep them a year.
 */
@Configuration(proxyBeanMethods = false)
class WebApp implements WebFluxConfigurer {

    /** The app's routes: keep in step with {@code web-ui/src/routes.ts} (its tests compare the two). */
    static final List<String> ROUTES = List.of(
            "/",
            "/library",
            "/titles/**",
            "/watch/**",
            "/play",
            "/me",
            "/people/**",
            "/sign-in",
            "/sign-up",
            "/sign-up/**",
            "/reset-password",
            "/signin",
            "/profile");

    /** Where the services answer: never the app, even for a browser (see also security/PublicPaths). */
    private static final List<PathPattern> SERVICE_AREAS = patterns(
            "/api/**",
            "/stream/**",
            "/oauth/**",
            "/actuator/**",
            "/movies/**",
            "/comments/**",
            "/users/**",
            "/.well-known/**",
            "/api-docs/**",
            "/v3/**",
            "/swagger-ui/**",
            "/assets/**");

    static final Resource INDEX = new ClassPathResource("static/index.html");

    @Bean
    RouterFunction<ServerResponse> webAppRoutes() {
        RequestPredicate paths = ROUTES.stream()
                .map(RequestPredicates::path)
                .reduce(RequestPredicate::or)
                .orElseThrow();
        RequestPredicate reads = RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD));
        return RouterFunctions.route(reads.and(paths), request -> index(HttpStatus.OK));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    /** The app's page, with the given status; a plain 404 when the app was not built into this jar. */
    static Mono<ServerResponse> index(HttpStatus status) {
        if (!INDEX.exists()) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.status(status)
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(BodyInserters.fromResource(INDEX));
    }

    /**
     * Whether an unanswered request is a browser's page load outside the services' paths: then the app's
     * page, with its 404 status, is a better answer than a JSON problem.
     */
    static boolean isPageOutsideTheServices(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !INDEX.exists()) {
            return false;
        }
        boolean wantsHtml = request.getHeaders().getAccept().stream()
                .anyMatch(type ->
                        type.getType().equals("text") && type.getSubtype().equals("html"));
        PathContainer path = request.getPath().pathWithinApplication();
        return wantsHtml && SERVICE_AREAS.stream().noneMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> patterns(String... paths) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return java.util.Arrays.stream(paths)
                .map(path -> parser.parse(parser.initFullPathPattern(path)))
                .toList();
    }
}
