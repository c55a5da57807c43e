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
        HttpHeaders input = headers(
                "Host", "gateway",
                "Authorization", "Bearer abc",
                "CONNECTION", "keep-alive, X-Hop , Upgrade",
                "keep-alive", "timeout=5",
                "Transfer-Encoding", "chunked",
                "te", "trailers",
                "Trailer", "X-Checksum",
                "Proxy-Authorization", "Basic Zm9vOmJhcg==",
                "proxy-authenticate", "Basic",
                "Upgrade", "websocket",
                "x-hop", "named by Connection",
                "X-Application-Context", "internal",
                "Accept", "application/json",
                "Accept", "text/plain",
                "X-Request-Id", "trace-1");

        assertThat(passedOn(input))
                .isEqualTo(Map.of(
                        "host", List.of("gateway"),
                        "authorization", List.of("Bearer abc"),
                        "accept", List.of("application/json", "text/plain"),
                        "x-request-id", List.of("trace-1")));
    }

    @Test
    void withoutAConnectionHeaderOnlyTheListedNamesStayBehind() {
        HttpHeaders input = headers(
                "Content-Type", "application/json",
                "TRANSFER-ENCODING", "chunked",
                "Set-Cookie", "a=1",
                "Set-Cookie", "b=2");

        assertThat(passedOn(input))
                .isEqualTo(Map.of("content-type", List.of("application/json"), "set-cookie", List.of("a=1", "b=2")));
        HttpHeaders filtered = new HopByHopHeaders().filter(input, exchange);
        filtered.add("X-Forwarded-For", "127.0.0.1");
        assertThat(input.containsHeader("X-Forwarded-For"))
                .as("a copy, which the gateway's filters write into")
                .isFalse();
    }

    @Test
    void configuredNamesReplaceTheDefaultsAsTheFrameworksSettingDoes() {
        HopByHopHeaders filter = new HopByHopHeaders();
        filter.setHeaders(Set.of("X-Internal"));
        HttpHeaders input = headers(
                "x-internal", "1",
                "Keep-Alive", "timeout=5");

        assertThat(asMap(filter.filter(input, exchange))).isEqualTo(Map.of("keep-alive", List.of("timeout=5")));
    }

    @Test
    void appliesToRequestsAndAnswersLikeTheFrameworksFilter() {
        assertThat(new HopByHopHeaders().supports(HopByHopHeaders.Type.REQUEST)).isTrue();
        assertThat(new HopByHopHeaders().supports(HopByHopHeaders.Type.RESPONSE))
                .isTrue();
        assertThat(new HopByHopHeaders().getOrder()).isEqualTo(new RemoveHopByHopHeadersFilter().getOrder());
    }

    /** What goes on past our filter, checked to be what goes on past the framework's. */
    private Map<String, List<String>> passedOn(HttpHeaders input) {
        Map<String, List<String>> passed = asMap(new HopByHopHeaders().filter(input, exchange));
        assertThat(passed)
                .as("what the framework's filter passes on")
                .isEqualTo(asMap(new RemoveHopByHopHeadersFilter().filter(input, exchange)));
        return passed;
    }

    /** Headers from names and values, in turn; a name may come again. */
    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** Names lower-cased (HTTP names have no case), values in order. */
    private static Map<String, List<String>> asMap(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((name, values) -> map.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        return map;
    }
}
