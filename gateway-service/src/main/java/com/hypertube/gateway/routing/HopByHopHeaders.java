package com.hypertube.gateway.routing;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The framework's hop-by-hop header filter ({@code Connection}, {@code Keep-Alive}, {@code Transfer-Encoding},
 * {@code TE}, {@code Trailer}, {@code Upgrade}, {@code Proxy-*} and whatever {@code Connection} names are not sent
 * on, either way), with the same headers, order and settings, in one pass over the headers.
 *
 * <p>Why: the framework's own builds, on every request and every answer, a list and a set of the names to drop, a
 * read-only view of each header and a lower-cased copy of each name before the copy of the headers it returns:
 * 7.5 % of the gateway's CPU samples in a profile of the catalog benchmark's browse page. Here the names compare
 * without regard to case and nothing but the copy is made, read straight from Netty's headers where there are
 * some and made as Netty's headers ({@link NettyBackedHeaders}), which the routing filter sends on in one bulk copy.
 * The copy itself stays: the gateway's own header filters (the caller's identity and address) write into it. It
 * takes the framework's place under the same bean name ({@link FrameworkFilterReplacements}).
 */
final class HopByHopHeaders extends RemoveHopByHopHeadersFilter {

    /** The names to drop as Netty's own strings, which keep their hash: removing one is then a lookup. */
    private List<AsciiString> names = asNettyNames(getHeaders());

    @Override
    public void setHeaders(Set<String> headers) {
        super.setHeaders(headers);
        names = asNettyNames(getHeaders());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> connectionOptions =
                input.containsHeader(HttpHeaders.CONNECTION) ? input.getConnection() : List.of();
        io.netty.handler.codec.http.HttpHeaders copy = new DefaultHttpHeaders();
        io.netty.handler.codec.http.HttpHeaders source = nettyHeadersOf(input, exchange);
        if (source != null) {
            // All of them in one go (Netty copies headers it has already checked without checking them again: a
            // check per character of a 700-character token otherwise).
            copy.add(source);
        } else {
            input.forEach((name, values) -> copy.add(name, values));
        }
        // Then the hop-by-hop ones out: Netty's headers compare names without regard to case. The options come
        // trimmed (HttpHeaders.getConnection splits the header on commas and trims each).
        names.forEach(copy::remove);
        connectionOptions.forEach(copy::remove);
        return new NettyBackedHeaders(copy);
    }

    /**
     * The Netty headers under these, when there are some to read directly: an answer's (ServiceRoutingFilter hands
     * them over as they came) or the request's own, as the server received them. Null otherwise.
     */
    private static io.netty.handler.codec.http.@Nullable HttpHeaders nettyHeadersOf(
            HttpHeaders input, ServerWebExchange exchange) {
        if (input instanceof NettyBackedHeaders backed) {
            return backed.netty();
        }
        ServerHttpRequest request = exchange.getRequest();
        if (input == request.getHeaders()
                && request instanceof AbstractServerHttpRequest server
                && server.getNativeRequest() instanceof HttpServerRequest netty) {
            return netty.requestHeaders();
        }
        return null;
    }

    private static List<AsciiString> asNettyNames(Set<String> headers) {
        return headers.stream().map(AsciiString::of).toList();
    }
}
