package com.hypertube.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_HANDLER_MAPPER_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The framework's route lookup (the first route, in order, whose predicates match the request), done as a plain
 * loop over the routes the framework has loaded, for predicates that answer at once, which path and method
 * predicates do.
 *
 * <p>Why: the framework's asks its route cache for a new {@code Flux} of routes on every request and filters it
 * through a reactive stage per route ({@code filterWhen}), inside a {@code deferContextual}: 2-3 % of the gateway's
 * CPU samples under the catalog benchmark's browse page, before any route's predicate ran. A predicate that answers
 * later, a separate management port, or a request before the routes are loaded goes the framework's way.
 */
final class RouteLookup extends RoutePredicateHandlerMapping implements ApplicationListener<RefreshRoutesResultEvent> {

    private final FilteringWebHandler webHandler;
    private final RouteLocator routeLocator;
    private final boolean separateManagementPort;

    /** The routes in the order they are tried, as last loaded; null until the framework has loaded them. */
    private volatile @Nullable List<Route> routes;

    RouteLookup(
            FilteringWebHandler webHandler,
            RouteLocator routeLocator,
            GlobalCorsProperties cors,
            Environment environment) {
        super(webHandler, routeLocator, cors, environment);
        this.webHandler = webHandler;
        this.routeLocator = routeLocator;
        // The framework's own lookup turns requests on a separate management port away: left to it.
        this.separateManagementPort = environment.containsProperty("management.server.port");
    }

    /** The framework's route cache has (re)loaded: keep its routes, in its order. */
    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        if (event.isSuccess()) {
            routeLocator.getRoutes().collectList().subscribe(loaded -> routes = List.copyOf(loaded));
        }
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        List<Route> known = routes;
        if (known == null || separateManagementPort) {
            return super.getHandlerInternal(exchange);
        }
        Map<String, Object> attributes = exchange.getAttributes();
        attributes.put(GATEWAY_HANDLER_MAPPER_ATTR, getSimpleName());
        for (Route route : known) {
            // Predicates read it (the path predicate records which route matched), as in the framework's lookup.
            attributes.put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
            Boolean matches = answeredAtOnce(route, exchange);
            if (matches == null) {
                return super.getHandlerInternal(exchange);
            }
            if (matches) {
                attributes.remove(GATEWAY_PREDICATE_ROUTE_ATTR);
                attributes.put(GATEWAY_ROUTE_ATTR, route);
                return Mono.just(webHandler);
            }
        }
        attributes.remove(GATEWAY_PREDICATE_ROUTE_ATTR);
        ServerWebExchangeUtils.clearCachedRequestBody(exchange);
        return Mono.empty();
    }

    /**
     * Whether the route's predicates match, when they answer at once: a synchronous predicate's answer is a
     * {@code Mono.just}, which holds its value. Null for one that would answer later.
     */
    private @Nullable Boolean answeredAtOnce(Route route, ServerWebExchange exchange) {
        try {
            Publisher<Boolean> answer = route.getPredicate().apply(exchange);
            return answer instanceof Callable<?> value && value.call() instanceof Boolean known ? known : null;
        } catch (Exception e) {
            // As the framework's lookup: a predicate that fails is a route that does not match.
            logger.error("Error applying predicate for route: " + route.getId(), e);
            return false;
        }
    }
}
