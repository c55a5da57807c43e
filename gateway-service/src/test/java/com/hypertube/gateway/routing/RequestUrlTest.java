package com.hypertube.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** A request goes on to the address the framework's filter would send it to, however its path and query read. */
class RequestUrlTest {

    private static final URI MEDIA = URI.create("http://127.0.0.1:8082");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/movies",
                "/api/movies?genre=Drama&yearFrom=1980&sort=rating&limit=24",
                "/api/movies?query=silvr%20wolf",
                "/api/movies?query=a+b&query=c",
                "/api/movies/%2e%2e/x",
                "/api/movies/a%2Fb;jsessionid=1?x",
                "/api/movies?flag",
                "/api/movies?",
                "/api/movies?query=%C3%A9t%C3%A9&cursor=eyJ4IjoxfQ"
            })
    void goesWhereTheFrameworkWouldSendIt(String path) {
        URI request = URI.create("http://localhost:8080" + path);

        assertThat(routed(new RequestUrl(), MEDIA, request))
                .isEqualTo(routed(new RouteToRequestUrlFilter(), MEDIA, request));
    }

    @Test
    void charactersOutsideAsciiGoOnEncodedAsTheFrameworkSendsThem() throws URISyntaxException {
        URI request = new URI("http", null, "localhost", 8080, "/api/movies/été", "query=amélie", null);

        assertThat(routed(new RequestUrl(), MEDIA, request))
                .isEqualTo(routed(new RouteToRequestUrlFilter(), MEDIA, request))
                .isEqualTo("http://127.0.0.1:8082/api/movies/%C3%A9t%C3%A9?query=am%C3%A9lie");
    }

    @Test
    void theRoutesSchemeHostAndPortWinAndNotItsPath() {
        URI request = URI.create("http://gateway.example:8080/api/shows/1?x=1");
        URI route = URI.create("https://media.internal/base");

        assertThat(routed(new RequestUrl(), route, request))
                .isEqualTo(routed(new RouteToRequestUrlFilter(), route, request))
                .isEqualTo("https://media.internal:443/api/shows/1?x=1");
    }

    // Where the framework's differs, it changes what the client asked for.
    @Test
    void aQueryGoesOnAsTheClientSpelledIt() {
        // The framework's encodes the client's % signs again when anything else in the query fails its strict
        // check (here a padded Base64 value): the service would be asked for the text "%C3%A9t%C3%A9".
        URI encodedAndPadded = URI.create("http://localhost:8080/api/movies?query=%C3%A9t%C3%A9&cursor=eyJ4IjoxfQ==");
        assertThat(routed(new RouteToRequestUrlFilter(), MEDIA, encodedAndPadded))
                .isEqualTo("http://127.0.0.1:8082/api/movies?query=%25C3%25A9t%25C3%25A9&cursor=eyJ4IjoxfQ==");
        assertThat(routed(new RequestUrl(), MEDIA, encodedAndPadded))
                .isEqualTo("http://127.0.0.1:8082/api/movies?query=%C3%A9t%C3%A9&cursor=eyJ4IjoxfQ==");

        // The framework's drops empty parameters.
        URI emptyParameter = URI.create("http://localhost:8080/api/movies?a=1&&b=2");
        assertThat(routed(new RequestUrl(), MEDIA, emptyParameter))
                .isEqualTo("http://127.0.0.1:8082/api/movies?a=1&&b=2");
    }

    @Test
    void aFragmentWhichARequestLineHasNoPlaceForIsNotSentOn() {
        URI request = URI.create("http://localhost:8080/api/movies/tt0111161/comments?limit=10#top");

        assertThat(routed(new RequestUrl(), MEDIA, request))
                .isEqualTo("http://127.0.0.1:8082/api/movies/tt0111161/comments?limit=10");
    }

    @Test
    void aRouteThatIsNotAPlainHttpAddressGoesTheFrameworksWay() {
        URI request = URI.create("http://localhost:8080/api/movies?x=1");

        assertThat(RequestUrl.onTo(URI.create("lb://media-service"), request)).isNull();
        assertThat(RequestUrl.onTo(URI.create("forward:/local"), request)).isNull();
        assertThat(routed(new RequestUrl(), URI.create("forward:/local"), request))
                .isEqualTo(routed(new RouteToRequestUrlFilter(), URI.create("forward:/local"), request));
    }

    @Test
    void keepsTheFrameworksPlaceInTheChain() {
        assertThat(new RequestUrl().getOrder()).isEqualTo(new RouteToRequestUrlFilter().getOrder());
    }

    /** What NettyRoutingFilter would ask for: the address the filter left on the exchange, in ASCII. */
    private static String routed(GlobalFilter filter, URI routeUri, URI request) {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, request));
        Route route = Route.async()
                .id("media-service")
                .uri(routeUri)
                .predicate(anything -> true)
                .build();
        exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, route);
        filter.filter(exchange, routed -> Mono.empty()).block();
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        return url == null ? null : url.toASCIIString();
    }
}
