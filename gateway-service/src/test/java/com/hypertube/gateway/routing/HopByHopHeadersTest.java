package com.hypertube.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The same headers go on as with the framework's hop-by-hop filter, whatever their case, requests and answers. */
class HopByHopHeadersTest {

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/movies"));

    @Test
    void everyHopByHopHeaderStaysBehindInAnyCaseAndTheRestGoesOnAsItWas() {
        HttpHeaders input = new HttpHeaders();
        input.add("Host", "gateway");
        input.add("Authorization", "Bearer abc");
        input.add("CONNECTION", "keep-alive, X-Hop , Upgrade");
        input.add("keep-alive", "timeout=5");
        input.add("Transfer-Encoding", "chunked");
        input.add("te", "trailers");
        input.add("Trailer", "X-Checksum");
        input.add("Proxy-Authorization", "Basic Zm9vOmJhcg==");
        input.add("proxy-authenticate", "Basic");
        input.add("Upgrade", "websocket");
        input.add("x-hop", "named by Connection");
        input.add("X-Application-Context", "internal");
        input.add("Accept", "application/json");
        input.add("Accept", "text/plain");
        input.add("X-Request-Id", "trace-1");

        HttpHeaders filtered = new HopByHopHeaders().filter(input, exchange);

        assertThat(asMap(filtered))
                .isEqualTo(Map.of(
                        "host", List.of("gateway"),
                        "authorization", List.of("Bearer abc"),
                        "accept", List.of("application/json", "text/plain"),
                        "x-request-id", List.of("trace-1")))
                .isEqualTo(asMap(new RemoveHopByHopHeadersFilter().filter(input, exchange)));
    }

    @Test
    void withoutAConnectionHeaderOnlyTheListedNamesStayBehind() {
        HttpHeaders input = new HttpHeaders();
        input.add("Content-Type", "application/json");
        input.add("TRANSFER-ENCODING", "chunked");
        input.add("Set-Cookie", "a=1");
        input.add("Set-Cookie", "b=2");

        HttpHeaders filtered = new HopByHopHeaders().filter(input, exchange);

        assertThat(asMap(filtered))
                .isEqualTo(Map.of("content-type", List.of("application/json"), "set-cookie", List.of("a=1", "b=2")))
                .isEqualTo(asMap(new RemoveHopByHopHeadersFilter().filter(input, exchange)));
        filtered.add("X-Forwarded-For", "127.0.0.1");
        assertThat(input.containsHeader("X-Forwarded-For"))
                .as("a copy, which the gateway's filters write into")
                .isFalse();
    }

    @Test
    void configuredNamesReplaceTheDefaultsAsTheFrameworksSettingDoes() {
        HopByHopHeaders filter = new HopByHopHeaders();
        filter.setHeaders(Set.of("X-Internal"));
        HttpHeaders input = new HttpHeaders();
        input.add("x-internal", "1");
        input.add("Keep-Alive", "timeout=5");

        assertThat(asMap(filter.filter(input, exchange))).isEqualTo(Map.of("keep-alive", List.of("timeout=5")));
    }

    @Test
    void appliesToRequestsAndAnswersLikeTheFrameworksFilter() {
        assertThat(new HopByHopHeaders().supports(HopByHopHeaders.Type.REQUEST)).isTrue();
        assertThat(new HopByHopHeaders().supports(HopByHopHeaders.Type.RESPONSE))
                .isTrue();
        assertThat(new HopByHopHeaders().getOrder()).isEqualTo(new RemoveHopByHopHeadersFilter().getOrder());
    }

    /** Names lower-cased (HTTP names have no case), values in order. */
    private static Map<String, List<String>> asMap(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((name, values) -> map.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        return map;
    }
}
