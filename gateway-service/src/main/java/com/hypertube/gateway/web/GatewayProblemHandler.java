package com.hypertube.gateway.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself answers is {@code application/problem+json}: a service that is down or
 * too slow becomes a 503 that names it (never a hang, never a bare 500), an unknown path a 404, and
 * anything unexpected a 500 without internals. Runs before Spring Boot's own handler. The one exception: a
 * browser's page load that nothing answers, outside the services' paths, gets the web app (which shows its
 * "not found" page).
 */
@Component
@Order(-2)
class GatewayProblemHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final JsonMapper json;

    GatewayProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // The service's answer had begun: nothing sensible can be added to it.
            return Mono.error(error);
        }
        if (isNotFound(error) && WebApp.isPageOutsideTheServices(exchange.getRequest())) {
            // A browser asked for a page outside the app's routes: the app shows its own "not found" page. Status
            // 200, as single-page apps answer: a 404 document is an error in the browser's console.
            return WebApp.index(HttpStatus.OK).flatMap(page -> page.writeTo(exchange, PAGE_CONTEXT));
        }
        Map<String, Object> problem = problemFor(exchange, error);
        response.setStatusCode(HttpStatusCode.valueOf((Integer) problem.get("status")));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.get("status").equals(503)) {
            response.getHeaders().set("Retry-After", "5");
        }
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private Map<String, Object> problemFor(ServerWebExchange exchange, Throwable error) {
        String where =
                exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);

        if (route != null && isServiceUnreachable(error)) {
            String service = serviceOf(route);
            try (var id = RequestId.logging(exchange)) {
                log.warn("{} is unavailable for {}: {}", service, where, error.toString());
            }
            Map<String, Object> problem = problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    service + " is not answering. Try again in a moment.",
                    exchange);
            problem.put("unavailableService", service);
            return problem;
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return problem(code, kindOf(code), code.getReasonPhrase(), exchange);
        }
        try (var id = RequestId.logging(exchange)) {
            log.error("{} failed", where, error);
        }
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side. Quote the request id if you report it.",
                exchange);
    }

    private static boolean isNotFound(Throwable error) {
        return error instanceof ResponseStatusException status
                && status.getStatusCode().value() == HttpStatus.NOT_FOUND.value();
    }

    /** What writing a functional response needs: the default codecs, no view resolvers. */
    private static final ServerResponse.Context PAGE_CONTEXT = new ServerResponse.Context() {
        private final HandlerStrategies strategies = HandlerStrategies.withDefaults();

        @Override
        public java.util.List<HttpMessageWriter<?>> messageWriters() {
            return strategies.messageWriters();
        }

        @Override
        public java.util.List<ViewResolver> viewResolvers() {
            return java.util.List.of();
        }
    };

    private static boolean isServiceUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof TimeoutException
                    || cause instanceof PrematureCloseException
                    || (cause instanceof ResponseStatusException status
                            && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
                return true;
            }
        }
        return false;
    }

    // The API-docs routes are named "<service>-api-docs": the service is what users need to know.
    private static String serviceOf(Route route) {
        return route.getId().replaceFirst("-api-docs$", "");
    }

    private static String kindOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> "bad-request";
        };
    }

    private static Map<String, Object> problem(
            HttpStatus status, String kind, String detail, ServerWebExchange exchange) {
        return ProblemResponses.problem(status, kind, detail, exchange);
    }
}
