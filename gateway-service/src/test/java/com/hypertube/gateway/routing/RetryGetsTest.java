package com.hypertube.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Which failures send a GET again, how often, and that nothing else is ever sent twice. */
class RetryGetsTest {

    private final RetryGets retry = new RetryGets(2);

    @Test
    void aGetAnswered503IsSentAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        MockServerWebExchange exchange = exchange(HttpMethod.GET);

        retry.filter(
                        exchange,
                        answering(
                                exchange, calls, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY, HttpStatus.OK))
                .block();

        assertThat(calls).hasValue(3);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aGetIsTriedAtMostRetriesPlusOneTimesAndTheLastAnswerStands() {
        AtomicInteger calls = new AtomicInteger();
        MockServerWebExchange exchange = exchange(HttpMethod.GET);

        retry.filter(
                        exchange,
                        answering(
                                exchange,
                                calls,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                HttpStatus.OK))
                .block();

        assertThat(calls).hasValue(3);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anUnreachableOrSlowServiceIsTriedAgainOtherErrorsAndAnswersAreNot() {
        AtomicInteger calls = new AtomicInteger();
        MockServerWebExchange exchange = exchange(HttpMethod.GET);
        GatewayFilterChain unreachable = ignored -> {
            calls.incrementAndGet();
            return Mono.error(new ConnectException("refused"));
        };
        assertThatThrownBy(() -> retry.filter(exchange, unreachable).block())
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(calls).hasValue(3);

        calls.set(0);
        GatewayFilterChain slow = ignored -> {
            calls.incrementAndGet();
            return Mono.error(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow", new TimeoutException()));
        };
        assertThatThrownBy(() -> retry.filter(exchange(HttpMethod.GET), slow).block())
                .isInstanceOf(ResponseStatusException.class);
        assertThat(calls).hasValue(3);

        calls.set(0);
        GatewayFilterChain broken = ignored -> {
            calls.incrementAndGet();
            return Mono.error(new IllegalStateException("a bug"));
        };
        assertThatThrownBy(() -> retry.filter(exchange(HttpMethod.GET), broken).block())
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        MockServerWebExchange notFound = exchange(HttpMethod.GET);
        retry.filter(notFound, answering(notFound, calls, HttpStatus.NOT_FOUND)).block();
        assertThat(calls).hasValue(1);
    }

    @Test
    void nothingButAGetIsEverSentTwice() {
        for (HttpMethod method :
                new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.HEAD
                }) {
            AtomicInteger calls = new AtomicInteger();
            MockServerWebExchange exchange = exchange(method);
            retry.filter(exchange, answering(exchange, calls, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK))
                    .block();
            assertThat(calls).as(method.name()).hasValue(1);

            AtomicInteger failures = new AtomicInteger();
            GatewayFilterChain unreachable = ignored -> {
                failures.incrementAndGet();
                return Mono.error(new ConnectException("refused"));
            };
            assertThatThrownBy(() -> retry.filter(exchange(method), unreachable).block())
                    .hasCauseInstanceOf(ConnectException.class);
            assertThat(failures).as(method.name()).hasValue(1);
        }
    }

    private static MockServerWebExchange exchange(HttpMethod method) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/downloads"));
    }

    /** A chain whose n-th call answers the n-th status (the last one again past the end). */
    private static GatewayFilterChain answering(
            MockServerWebExchange exchange, AtomicInteger calls, HttpStatus... statuses) {
        return ignored -> Mono.fromRunnable(() -> {
            int call = calls.getAndIncrement();
            exchange.getResponse().setStatusCode(statuses[Math.min(call, statuses.length - 1)]);
        });
    }
}
