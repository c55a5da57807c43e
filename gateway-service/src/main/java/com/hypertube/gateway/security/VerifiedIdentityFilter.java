package com.hypertube.gateway.security;

import com.hypertube.contract.IdentityHeaders;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the verified identity on to the services: {@code X-User-Id} (a user's id), {@code X-Client-Id} (an
 * API client's), {@code X-User-Name}, {@code X-Token-Scope} and {@code X-User-Roles}, and the token itself as a
 * Bearer header (when it came in a cookie) so each service can verify it again. Whatever a caller sent in these
 * headers is removed first: only the gateway sets them. The identity is the one {@link GatewayGuard} verified
 * (none on a public path).
 *
 * <p>A filter of the headers the proxy sends, not a change to the request: the proxy copies the request's
 * headers anyway (the framework's hop-by-hop filter, which runs first, makes the copy), and this one writes
 * into that copy.
 */
@Component
class VerifiedIdentityFilter implements HttpHeadersFilter, Ordered {

    static final List<String> IDENTITY_HEADERS = IdentityHeaders.ALL;

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = writable(input, exchange);
        for (String name : IDENTITY_HEADERS) {
            headers.remove(name);
        }
        GatewayGuard.Verified verified = exchange.getAttribute(GatewayGuard.VERIFIED);
        if (verified == null) {
            return headers;
        }
        Caller caller = verified.caller();
        if (caller.clientId() != null) {
            headers.set(IdentityHeaders.CLIENT_ID, caller.clientId());
        }
        if (caller.userId() != null) {
            headers.set(IdentityHeaders.USER_ID, caller.userId());
        }
        if (caller.userName() != null) {
            headers.set(IdentityHeaders.USER_NAME, caller.userName());
        }
        if (caller.roles() != null) {
            headers.set(IdentityHeaders.ROLES, caller.roles());
        }
        if (caller.scope() != null) {
            headers.set(IdentityHeaders.SCOPE, caller.scope());
        }
        List<String> authorization = headers.get(HttpHeaders.AUTHORIZATION);
        if (!verified.sentAsBearerHeader() || authorization == null || authorization.size() != 1) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + verified.token());
        }
        return headers;
    }

    /**
     * Headers this filter may change: the input itself, which is the copy an earlier header filter made (the
     * framework's hop-by-hop filter always makes one, and runs before), or a copy if it is the request's own.
     */
    static HttpHeaders writable(HttpHeaders input, ServerWebExchange exchange) {
        return input == exchange.getRequest().getHeaders() ? HttpHeaders.copyOf(input) : input;
    }

    // After the framework's header filters (the hop-by-hop one, which copies, is at LOWEST_PRECEDENCE - 1).
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
