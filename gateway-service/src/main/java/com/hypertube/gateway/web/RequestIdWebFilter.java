package com.hypertube.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, sends it on to the service (which logs it and puts it in its errors) and
 * back to the caller. An id the caller sent is kept when it is safe to reuse.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

    // Same rule as the services' RequestId: nothing that could smuggle text into a header or a log line.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String fromCaller = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = fromCaller != null && SAFE.matcher(fromCaller).matches() ? fromCaller : fresh();
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        return chain.filter(exchange.mutate().request(request).build());
    }

    // Unique enough to find log lines, not unguessable: UUID.randomUUID() would take the SecureRandom lock on
    // every request (the services' RequestId does the same).
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
