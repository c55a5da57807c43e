package com.hypertube.gateway.routing;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a GET to its service again, up to {@code retries} times, when the service could not be reached or
 * took too long (an {@link IOException} or a {@link TimeoutException}, or one as the cause), or answered
 * {@code 502} or {@code 503}. Other methods are never sent twice: a retried POST could create twice.
 *
 * <p>Spring Cloud Gateway's retry filter, configured so, did the same, at a cost on every request of the route
 * whatever its method: it buffers each request's whole body in memory (an upload included) so that any method
 * could be sent again, and builds retry and repeat operators around each request with copies of their
 * settings. A GET has no body to keep, and only a GET is retried here: any other request passes straight on,
 * and a GET that succeeds costs one status check. Between attempts the exchange is reset as the framework's
 * filter resets it (the failed answer's connection closed, its headers removed).
 */
final class RetryGets implements GatewayFilter {

    private static final Set<HttpStatusCode> RETRIED_STATUSES =
            Set.of(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE);

    private final int retries;

    RetryGets(int retries) {
        this.retries = retries;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, retries);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retriesLeft) {
        Mono<Void> call = chain.filter(exchange);
        if (retriesLeft == 0) {
            return call;
        }
        return call.then(Mono.fromSupplier(
                        () -> RETRIED_STATUSES.contains(exchange.getResponse().getStatusCode())))
                .onErrorResume(RetryGets::isRetriedFailure, failure -> Mono.just(true))
                .flatMap(again -> {
                    if (!again) {
                        return Mono.empty();
                    }
                    ServerWebExchangeUtils.reset(exchange);
                    return attempt(exchange, chain, retriesLeft - 1);
                });
    }

    static boolean isRetriedFailure(Throwable failure) {
        Throwable cause = failure.getCause();
        return failure instanceof IOException
                || failure instanceof TimeoutException
                || cause instanceof IOException
                || cause instanceof TimeoutException;
    }

    @Override
    public String toString() {
        return "RetryGets[retries=" + retries + ", statuses=" + RETRIED_STATUSES + "]";
    }
}
