package com.hypertube.gateway.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * Spring's headers over Netty's own, which {@link ServiceRoutingFilter} hands to Netty in one bulk copy and {@link
 * HopByHopHeaders} reads entry by entry.
 *
 * <p>Why: every pass over Spring's {@code HttpHeaders} ({@code forEach}, {@code headerNames()}) first copies the
 * names into a case-insensitive map to leave out duplicates that differ in case, and the framework's routing filter
 * made three such passes per request and answer, each into a copy: 6-10 % of the gateway's CPU samples under the
 * catalog benchmark. Netty's headers already compare names without regard to case.
 */
public final class NettyBackedHeaders extends HttpHeaders {

    private final io.netty.handler.codec.http.HttpHeaders netty;

    NettyBackedHeaders(io.netty.handler.codec.http.HttpHeaders netty) {
        super(new Netty4HeadersAdapter(netty));
        this.netty = netty;
    }

    /**
     * Removes every header whose name passes the test: straight from Netty's headers for these (Spring's {@code
     * headerNames()} would first copy every name into a case-insensitive map), through Spring's view otherwise.
     */
    public static void removeNames(HttpHeaders headers, Predicate<String> test) {
        if (!(headers instanceof NettyBackedHeaders backed)) {
            headers.headerNames().removeIf(test);
            return;
        }
        List<String> passed = new ArrayList<>(0);
        for (Iterator<Map.Entry<CharSequence, CharSequence>> entries = backed.netty.iteratorCharSequence();
                entries.hasNext(); ) {
            String name = entries.next().getKey().toString();
            if (test.test(name)) {
                passed.add(name);
            }
        }
        passed.forEach(backed.netty::remove);
    }

    /** The Netty headers these are: writes through either side are the same writes. */
    io.netty.handler.codec.http.HttpHeaders netty() {
        return netty;
    }
}
