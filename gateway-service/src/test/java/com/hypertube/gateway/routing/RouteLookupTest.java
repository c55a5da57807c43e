package com.hypertube.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The first route in order whose predicates match, as the framework's lookup finds it, in a plain loop. */
class RouteLookupTest {

    private final FilteringWebHandler webHandler = new FilteringWebHandler(List.of(), false);
    private final List<Route> routes = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final AtomicInteger routesAsked = new AtomicInteger();
    private final RouteLookup lookup = new RouteLookup(
            webHandler,
            () -> {
                routesAsked.incrementAndGet();
                return Flux.fromIterable(routes);
            },
            new GlobalCorsProperties(),
            new MockEnvironment());

    @Test
    void theFirstRouteInOrderThatMatchesWinsAndTheRestAreNotAsked() {
        routes.add(route("auth-service", exchange -> path(exchange).startsWith("/api/users")));
        routes.add(route("media-service", exchange -> path(exchange).startsWith("/api/movies")));
        routes.add(route("media-service-too", exchange -> path(exchange).startsWith("/api/")));
        loaded();

        ServerWebExchange exchange = exchange("/api/movies?limit=24");

        assertThat(lookup.getHandler(exchange).block()).isSameAs(webHandler);
        assertThat(routeOf(exchange)).isEqualTo("media-service");
        assertThat(asked).containsExactly("auth-service", "media-service");
        assertThat(exchange.getAttributes()).doesNotContainKey(GATEWAY_PREDICATE_ROUTE_ATTR);
    }

    @Test
    void theRoutesAreAskedForOnceWhenLoadedNotOnEveryRequest() {
        routes.add(route("media-service", exchange -> path(exchange).startsWith("/api/movies")));
        loaded();

        lookup.getHandler(exchange("/api/movies")).block();
        lookup.getHandler(exchange("/api/movies/1")).block();
        lookup.getHandler(exchange("/nowhere")).block();

        assertThat(routesAsked).hasValue(1);
    }

    @Test
    void aPathNoRouteMatchesHasNoHandler() {
        routes.add(route("media-service", exchange -> path(exchange).startsWith("/api/movies")));
        loaded();

        ServerWebExchange exchange = exchange("/index.html");

        assertThat(lookup.getHandler(exchange).blockOptional()).isEmpty();
        assertThat(exchange.getAttributes())
                .doesNotContainKey(GATEWAY_ROUTE_ATTR)
                .doesNotContainKey(GATEWAY_PREDICATE_ROUTE_ATTR);
    }

    @Test
    void aPredicateThatAnswersLaterGoesTheFrameworksWayToTheSameRoute() {
        routes.add(route("auth-service", exchange -> path(exchange).startsWith("/api/users")));
        routes.add(Route.async()
                .id("media-service")
                .uri(URI.create("http://127.0.0.1:8082"))
                .asyncPredicate(exchange ->
                        Mono.just(path(exchange).startsWith("/api/movies")).hide())
                .build());
        loaded();

        ServerWebExchange exchange = exchange("/api/movies");

        assertThat(lookup.getHandler(exchange).block()).isSameAs(webHandler);
        assertThat(routeOf(exchange)).isEqualTo("media-service");
    }

    @Test
    void aPredicateThatFailsIsARouteThatDoesNotMatch() {
        routes.add(route("broken", exchange -> {
            throw new IllegalStateException("broken predicate");
        }));
        routes.add(route("media-service", exchange -> true));
        loaded();

        ServerWebExchange exchange = exchange("/api/movies");

        assertThat(lookup.getHandler(exchange).block()).isSameAs(webHandler);
        assertThat(routeOf(exchange)).isEqualTo("media-service");
    }

    @Test
    void routesLoadedAgainReplaceTheOnesKnown() {
        routes.add(route("media-service", exchange -> true));
        loaded();
        routes.clear();
        routes.add(route("streaming-service", exchange -> true));
        loaded();

        ServerWebExchange exchange = exchange("/api/movies");
        lookup.getHandler(exchange).block();

        assertThat(routeOf(exchange)).isEqualTo("streaming-service");
    }

    @Test
    void beforeTheRoutesAreLoadedTheFrameworksLookupAnswers() {
        routes.add(route("media-service", exchange -> true));

        ServerWebExchange exchange = exchange("/api/movies");

        assertThat(lookup.getHandler(exchange).block()).isSameAs(webHandler);
        assertThat(routeOf(exchange)).isEqualTo("media-service");
    }

    private void loaded() {
        lookup.onApplicationEvent(new RefreshRoutesResultEvent(this));
    }

    private Route route(String id, Predicate<ServerWebExchange> predicate) {
        return Route.async()
                .id(id)
                .uri(URI.create("http://127.0.0.1:8082"))
                .predicate(exchange -> {
                    asked.add(id);
                    return predicate.test(exchange);
                })
                .build();
    }

    private static ServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    private static String routeOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }
}
