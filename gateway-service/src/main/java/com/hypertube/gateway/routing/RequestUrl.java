package com.hypertube.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The address a request goes on to, as the framework's filter makes it (the route's scheme, host and port; the
 * request's own path and query, as the client spelled them), for a route to a plain {@code http}/{@code https}
 * address, which every route of ours is: one string and one parse. Any other route ({@code lb:}, {@code forward:},
 * a scheme prefix) goes the framework's way.
 *
 * <p>Why: the framework's rebuilds every request's address through a {@code UriComponentsBuilder} (the query split
 * into a map of parameters and joined again, a regular expression over the route's address, a URI made from
 * parts): 7 % of the gateway's CPU samples under the catalog benchmark's browse page. The one difference: a query's
 * empty parameters ({@code a=1&&b=2}) go on as they came instead of being dropped.
 */
final class RequestUrl extends RouteToRequestUrlFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        URI url = route == null
                ? null
                : onTo(route.getUri(), exchange.getRequest().getURI());
        if (url == null) {
            return super.filter(exchange, chain);
        }
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, url);
        return chain.filter(exchange);
    }

    /** The request's address at the route's server; null for a route that is not a plain http(s) address. */
    static URI onTo(URI route, URI request) {
        String scheme = route.getScheme();
        String host = route.getHost();
        if (host == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return null;
        }
        String path = request.getRawPath();
        String query = request.getRawQuery();
        StringBuilder url = new StringBuilder(scheme.length() + host.length() + 64);
        url.append(scheme).append("://").append(host);
        if (route.getPort() != -1) {
            url.append(':').append(route.getPort());
        }
        url.append(path == null ? "" : path);
        if (query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        // The path and query are the raw parts of a URI already parsed, so they parse again as they are.
        return URI.create(url.toString());
    }
}
