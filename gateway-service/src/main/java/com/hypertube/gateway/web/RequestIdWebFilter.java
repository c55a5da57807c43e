package com.hypertube.gateway.web;

import com.hypertube.contract.RequestIds;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, sends it on to the service (which logs it and puts it in its errors) and
 * back to the caller. An id the caller sent is kept when it is safe to reuse. First of all filters, so that
 * every answer has it, even the guard's refusals.
 *
 * <p>The request itself is not changed (a change copies its headers): the id goes to the service through
 * {@link ToServices}, into the headers the proxy sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    static final String HEADER = RequestIds.HEADER;
    static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String fromCaller = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = RequestIds.acceptOrCreate(fromCaller);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        return chain.filter(exchange);
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** The request id in the headers sent to the service (written into the proxy's own copy of them). */
    @Component
    static final class ToServices implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            String requestId = of(exchange);
            if (requestId == null) {
                return input;
            }
            HttpHeaders headers = input == exchange.getRequest().getHeaders() ? HttpHeaders.copyOf(input) : input;
            headers.set(HEADER, requestId);
            return headers;
        }

        // After the framework's header filters, which copy the request's headers: this one writes into that copy.
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
