package com.hypertube.gateway.security;

import com.hypertube.gateway.GatewayProperties;
import com.hypertube.gateway.routing.NettyBackedHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} with exactly one address, the client's.
 * Whatever the client sent in that header (and in {@code Forwarded}, {@code X-Real-IP} or any other
 * {@code X-Forwarded-*}: a host, a scheme, a prefix the services would build links from) is dropped, unless
 * the connection comes from a reverse proxy listed in {@code GATEWAY_TRUSTED_PROXIES}: then the header's
 * addresses are read from the right, skipping the trusted proxies, and the first other one is the client
 * (the left ones could be anything the client wrote). The services trust this header from the gateway alone,
 * so the sign-in throttle and the audit log see each client, not the gateway.
 */
@Component
class ClientAddressFilter implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PREFIX = "x-forwarded-";

    private final List<AddressRange> trustedProxies;

    ClientAddressFilter(GatewayProperties properties) {
        this.trustedProxies = properties.security().trustedProxies().stream()
                .map(String::trim)
                .filter(range -> !range.isEmpty())
                .map(AddressRange::parse)
                .toList();
    }

    /**
     * The headers sent to the service: the client's claims replaced by what the gateway knows. Written into
     * the copy the framework's header filters made (see {@link VerifiedIdentityFilter#writable}).
     */
    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String client = clientOf(exchange.getRequest());
        HttpHeaders headers = VerifiedIdentityFilter.writable(input, exchange);
        // In place, one pass (the framework's filters for this, a copy each, are not registered).
        NettyBackedHeaders.removeNames(headers, ClientAddressFilter::isClientClaim);
        if (client != null) {
            headers.set(FORWARDED_FOR, client);
        }
        return headers;
    }

    /** What a client may claim about where it is or how it reached us: {@code X-Forwarded-*} and its kin. */
    private static boolean isClientClaim(String name) {
        return name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length())
                || name.equalsIgnoreCase("Forwarded")
                || name.equalsIgnoreCase("X-Real-IP");
    }

    String clientOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return null;
        }
        String address = remote.getAddress().getHostAddress();
        if (trustedProxies.isEmpty() || !isTrusted(address)) {
            return address;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (AddressRange.literal(hop) == null) {
                return address; // a proxy we trust wrote nonsense: fall back to the proxy itself
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private boolean isTrusted(String address) {
        for (AddressRange proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    // Last of the header filters applied when the request is sent on: after the framework's hop-by-hop filter,
    // whose copy of the headers this one writes into.
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
