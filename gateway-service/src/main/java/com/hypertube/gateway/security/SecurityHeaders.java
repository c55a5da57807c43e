package com.hypertube.gateway.security;

import com.hypertube.contract.RequestIds;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers every answer carries, as Spring Security's defaults wrote them (with our CSP, frame options and
 * referrer policy; its cache headers off, the services set their own): {@code X-Content-Type-Options:
 * nosniff}, {@code X-Frame-Options: DENY}, {@code X-XSS-Protection: 0}, the {@code Content-Security-Policy}
 * (application.yml), {@code Referrer-Policy: strict-origin-when-cross-origin}, HSTS over HTTPS; and
 * {@code Vary} on the CORS request headers, as Spring's CORS processing adds it to every answer.
 *
 * <p>The guard writes them into the response before anything answers, with no commit hook; a service's own
 * value of one of them wins, as it did (Spring Security wrote a header only when the answer had none):
 * {@link FromServices} drops the gateway's value when the service sent its own, before the proxy adds the
 * service's headers to the answer. It also drops the service's echo of {@code X-Request-Id}, which the
 * gateway's answer already carries.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    private static final List<String> VARY = List.of(
            HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

    /** The names the gateway sets on every answer (besides {@code Vary}, which accumulates). */
    static final List<String> NAMES = List.of(
            "X-Content-Type-Options",
            "X-Frame-Options",
            "X-XSS-Protection",
            CONTENT_SECURITY_POLICY,
            "Referrer-Policy",
            STRICT_TRANSPORT_SECURITY);

    private final String contentSecurityPolicy;

    SecurityHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    void writeTo(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-XSS-Protection", "0");
        headers.set(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if ("https".equals(exchange.getRequest().getURI().getScheme())) {
            headers.set(STRICT_TRANSPORT_SECURITY, "max-age=31536000 ; includeSubDomains");
        }
        headers.addAll(HttpHeaders.VARY, VARY);
    }

    /**
     * A service's answer: where it set one of the security headers, its value replaces the gateway's; its
     * {@code X-Request-Id} (the gateway's own, echoed) is not added a second time.
     */
    static final class FromServices implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders fromService, ServerWebExchange exchange) {
            HttpHeaders answer = exchange.getResponse().getHeaders();
            for (String name : NAMES) {
                if (fromService.containsHeader(name)) {
                    answer.remove(name);
                }
            }
            if (answer.containsHeader(RequestIds.HEADER)) {
                fromService.remove(RequestIds.HEADER);
            }
            return fromService;
        }

        @Override
        public boolean supports(Type type) {
            return type == Type.RESPONSE;
        }

        // After the framework's own, which copy the service's headers: this one changes that copy in place.
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
