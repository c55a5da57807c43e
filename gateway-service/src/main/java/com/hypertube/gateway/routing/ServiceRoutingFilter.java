package com.hypertube.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The framework's routing filter (the request sent on to the route's service through Reactor Netty's client, the
 * answer's status and headers put on the gateway's answer for NettyWriteResponseFilter to stream), with the same
 * header filters, response timeout and errors, and fewer copies on the way:
 *
 * <ul>
 *   <li>the address goes to the client as a {@code URI}, whose parts it takes as they are; as a string, which the
 *       framework passes, Reactor Netty parses it again with a regular expression (3.8-5.5 % of the gateway's CPU
 *       samples under the catalog benchmark's browse page);
 *   <li>the headers the header filters leave ({@link HopByHopHeaders} makes them Netty's headers) go into the
 *       client's request, and the answer's into the gateway's answer, in one bulk copy each, instead of a pass
 *       over Spring's headers into a copy, and another into the next (6-10 % of samples together);
 *   <li>the client is asked for directly instead of through a {@code Mono} of it.
 * </ul>
 *
 * It takes the framework's place under the same bean name ({@link FrameworkFilterReplacements}); the
 * framework's {@code CLIENT_RESPONSE_HEADER_NAMES} attribute, which nothing of the framework's or ours reads,
 * is not set.
 */
final class ServiceRoutingFilter extends NettyRoutingFilter {

    private final HttpClientProperties properties;

    ServiceRoutingFilter(
            HttpClient httpClient,
            ObjectProvider<List<HttpHeadersFilter>> headersFiltersProvider,
            HttpClientProperties properties) {
        super(httpClient, headersFiltersProvider, properties);
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        String scheme = url.getScheme();
        if (isAlreadyRouted(exchange) || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        ServerHttpRequest request = exchange.getRequest();
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        HttpHeaders sentOn = HttpHeadersFilter.filterRequest(getHeadersFilters(), exchange);
        boolean preserveHost = exchange.getAttributeOrDefault(PRESERVE_HOST_HEADER_ATTRIBUTE, false);
        Flux<HttpClientResponse> answer = getHttpClient(route, exchange)
                .headers(headers -> {
                    copy(sentOn, headers);
                    // Set by Netty from the address, unless the route keeps the client's.
                    headers.remove(HttpHeaders.HOST);
                    if (preserveHost) {
                        headers.add(HttpHeaders.HOST, request.getHeaders().getFirst(HttpHeaders.HOST));
                    }
                })
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(
                        request.getMethod().name()))
                .uri(url)
                .send((clientRequest, outbound) ->
                        outbound.send(request.getBody().map(this::getByteBuf)))
                .responseConnection((response, connection) -> {
                    // The answer is committed later, by NettyWriteResponseFilter, after the route's own filters.
                    exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, response);
                    exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
                    putOnTheAnswer(response, exchange);
                    return Mono.just(response);
                });
        Duration timeout = responseTimeout(route);
        if (timeout != null) {
            answer = answer.timeout(
                            timeout,
                            Mono.defer(() ->
                                    Mono.error(new TimeoutException("Response took longer than timeout: " + timeout))))
                    .onErrorMap(
                            TimeoutException.class,
                            late -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, late.getMessage(), late));
        }
        return answer.then(chain.filter(exchange));
    }

    /** The service's status and (filtered) headers on the gateway's answer, which is not committed yet. */
    private void putOnTheAnswer(HttpClientResponse response, ServerWebExchange exchange) {
        String contentType = response.responseHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (StringUtils.hasLength(contentType)) {
            exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
        }
        ServerHttpResponse answer = exchange.getResponse();
        // Any code, known to Spring or not (a service's 299 too).
        answer.setStatusCode(HttpStatusCode.valueOf(response.status().code()));
        // After the status: header filters may read it. Each filter that changes the headers copies them first.
        HttpHeaders received = HttpHeadersFilter.filter(
                getHeadersFilters(),
                new NettyBackedHeaders(response.responseHeaders()),
                exchange,
                HttpHeadersFilter.Type.RESPONSE);
        if (!received.containsHeader(HttpHeaders.TRANSFER_ENCODING)
                && received.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
            // Not both: the service's Content-Length wins over any chunking set on the answer so far.
            answer.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        }
        if (received instanceof NettyBackedHeaders netty
                && answer instanceof AbstractServerHttpResponse server
                && server.getNativeResponse() instanceof HttpServerResponse nettyAnswer) {
            nettyAnswer.responseHeaders().add(netty.netty());
        } else {
            answer.getHeaders().addAll(received);
        }
    }

    private static void copy(HttpHeaders from, io.netty.handler.codec.http.HttpHeaders to) {
        if (from instanceof NettyBackedHeaders netty) {
            to.add(netty.netty());
        } else {
            from.forEach(to::set);
        }
    }

    /** The route's own response timeout (a negative one: none), else the client's setting. */
    private @Nullable Duration responseTimeout(Route route) {
        Object setting = route.getMetadata().get(RESPONSE_TIMEOUT_ATTR);
        try {
            long millis = setting instanceof Number number
                    ? number.longValue()
                    : setting != null ? Long.parseLong(setting.toString()) : Long.MIN_VALUE;
            if (millis != Long.MIN_VALUE) {
                return millis >= 0 ? Duration.ofMillis(millis) : null;
            }
        } catch (NumberFormatException notANumber) {
            // As the framework's: the client's setting then.
        }
        return properties.getResponseTimeout();
    }
}
