package com.hypertube.gateway.web;

import com.hypertube.contract.RequestIds;
import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.Context;

/**
 * Gives every request an id, sends it on to the service (which logs it and puts it in its errors), back to the
 * caller, and into each log line the gateway writes for the request. An id the caller sent is kept when it is
 * safe to reuse.
 *
 * <p>Decided around the whole handling of the request (an {@link HttpHandlerDecoratorFactory}: outside the web
 * filters and the error handlers), so that every answer has it, even the guard's refusals and the error
 * handler's problems. It travels in the request's Reactor context under {@link #MDC_KEY}: Reactor's automatic
 * context propagation ({@code spring.reactor.context-propagation: auto}) puts it in the logging MDC on whichever
 * thread the request's work runs, and the log pattern prints it ({@code logging.pattern.correlation}), as the
 * services' does.
 *
 * <p>The request itself is not changed (a change copies its headers): the id goes to the service through
 * {@link ToServices}, into the headers the proxy sends.
 */
@Component
public class RequestId implements HttpHandlerDecoratorFactory {

    static final String HEADER = RequestIds.HEADER;

    /** The logging MDC key, as in the services (service-web's RequestId). */
    public static final String MDC_KEY = "requestId";

    RequestId() {
        // How the MDC follows the context. The registry is global: registering the key again replaces it.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        MDC_KEY, () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(HEADER));
            response.getHeaders().set(HEADER, requestId);
            return handler.handle(request, response).contextWrite(Context.of(MDC_KEY, requestId));
        };
    }

    /** The id of the exchange's request: the first header of its answer, set before anything else ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getFirst(HEADER);
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
