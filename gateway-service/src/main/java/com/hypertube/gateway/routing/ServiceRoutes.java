package com.hypertube.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import com.hypertube.gateway.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * One route per downstream service, named after it, for the public paths it owns; and one route per
 * service to its OpenAPI description, which the gateway's Swagger UI lists.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Where the gateway publishes a service's OpenAPI description: {@code /api-docs/<service>}. */
    static final String API_DOCS_PREFIX = "/api-docs/";

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, service) -> {
            long responseMillis = properties.responseTimeoutOf(service).toMillis();
            routes.route(name, route -> route.path(service.paths().toArray(String[]::new))
                    // A failed GET is sent again (RetryGets); GET_RETRIES=0 leaves the filter out altogether.
                    .filters(filters -> properties.getRetries() == 0
                            ? filters
                            : filters.filter(new RetryGets(properties.getRetries())))
                    .metadata(RESPONSE_TIMEOUT_ATTR, responseMillis)
                    .uri(service.url()));
        });
        // After every service's own route: routes are tried in turn on every request, and these are rarely asked.
        properties.services().forEach((name, service) -> {
            long responseMillis = properties.responseTimeoutOf(service).toMillis();
            String path = API_DOCS_PREFIX + name;
            // One predicate that answers at once (RouteLookup); path().and().method() would answer later.
            routes.route(name + "-api-docs", route -> route.predicate(exchange -> isGet(exchange, path))
                    .filters(filters -> filters.setPath("/v3/api-docs"))
                    .metadata(RESPONSE_TIMEOUT_ATTR, responseMillis)
                    .uri(service.url()));
        });
        return routes.build();
    }

    private static boolean isGet(ServerWebExchange exchange, String path) {
        ServerHttpRequest request = exchange.getRequest();
        return request.getMethod() == HttpMethod.GET
                && request.getPath().value().equals(path);
    }

    /** Finds a request's route without a reactive stage per route (the framework's lookup stands aside). */
    @Bean
    RouteLookup routeLookup(
            FilteringWebHandler webHandler,
            RouteLocator routeLocator,
            GlobalCorsProperties cors,
            Environment environment) {
        return new RouteLookup(webHandler, routeLocator, cors, environment);
    }

    /**
     * The connect timeout, the same for every service, set once on the client all routes share. As a route's
     * metadata (or the framework's own property) it made the routing filter configure a new client on every
     * request, and look its connection pool up by that configuration's hash.
     */
    @Bean
    HttpClientCustomizer connectTimeout(GatewayProperties properties) {
        int connectMillis = Math.toIntExact(properties.connectTimeout().toMillis());
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis);
    }

    // static: a registry post-processor runs before the configuration's own instance could be made.
    @Bean
    static BeanDefinitionRegistryPostProcessor frameworkFilterReplacements() {
        return FrameworkFilterReplacements.registryPostProcessor();
    }
}
