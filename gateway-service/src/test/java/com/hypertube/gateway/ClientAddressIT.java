package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hardening issue, finding 1: the gateway tells the services each client's own address (it sent none, so
 * every client looked like the gateway and shared one sign-in throttle), and believes a client's
 * {@code X-Forwarded-For} only from a reverse proxy it was told to trust (127.0.0.4 here).
 */
@Tag("security")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientAddressIT {

    /** Echoes the X-Forwarded-For (and Forwarded, X-Real-IP) that reached the service. */
    static final StubService service = start();

    /** What a caller could claim about how it reached the gateway, in the spellings clients use. */
    static final Map<String, String> FORWARDING_CLAIMS = Map.of(
            "X-Forwarded-Host", "evil.example.org",
            "X-Forwarded-Proto", "https",
            "x-forwarded-prefix", "/evil",
            "X-FORWARDED-PORT", "1",
            "X-Forwarded-Server", "evil");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        service.answerForEveryService(registry);
        registry.add("hypertube.gateway.security.trusted-proxies", () -> "127.0.0.4/32, 10.9.0.0/16");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void eachClientIsSeenWithItsOwnAddress() throws Exception {
        assertThat(seenFrom("127.0.0.2", null)).isEqualTo("xff=127.0.0.2 forwarded=null real=null others=[]");
        assertThat(seenFrom("127.0.0.3", null)).isEqualTo("xff=127.0.0.3 forwarded=null real=null others=[]");
    }

    @Test
    void aClientCannotChooseItsAddress() throws Exception {
        assertThat(seenFrom("127.0.0.3", "198.51.100.1")).isEqualTo("xff=127.0.0.3 forwarded=null real=null others=[]");
        assertThat(seenFrom("127.0.0.3", "198.51.100.1, 127.0.0.4")).startsWith("xff=127.0.0.3 ");
    }

    @Test
    void noCallerChoosesTheHostSchemeOrPrefixTheServicesSee() throws Exception {
        // The services build links from these; only the gateway could vouch for them, and it does not send them.
        for (String from : List.of("127.0.0.3", "127.0.0.4")) {
            assertThat(seenFrom(from, "203.0.113.5", FORWARDING_CLAIMS))
                    .endsWith(" forwarded=null real=null others=[]");
        }
    }

    @Test
    void theFrameworksCopyingForwardedFiltersAreNotRegistered() {
        // ClientAddressFilter drops what they dropped, without two copies of every request's headers.
        assertThat(context.getBeansOfType(RemoveForwardedHeadersFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(RemoveXForwardedHeadersFilter.class)).isEmpty();
        // The hop-by-hop filter stays, as routing/HopByHopHeaders (one pass, no lower-cased copies): its copy is
        // the one the gateway's own header filters write into.
        assertThat(context.getBeansOfType(RemoveHopByHopHeadersFilter.class).values())
                .singleElement()
                .extracting(filter -> filter.getClass().getSimpleName())
                .isEqualTo("HopByHopHeaders");
    }

    @Test
    void aTrustedProxyTellsTheClientsAddress() throws Exception {
        assertThat(seenFrom("127.0.0.4", "203.0.113.5")).startsWith("xff=203.0.113.5 ");
        // From the right: the last untrusted hop is the client; what it claimed before that is ignored.
        assertThat(seenFrom("127.0.0.4", "198.51.100.1, 203.0.113.5, 10.9.1.1")).startsWith("xff=203.0.113.5 ");
        // Nonsense from the proxy: the proxy itself is the client, never a name to look up.
        assertThat(seenFrom("127.0.0.4", "evil.example.org")).startsWith("xff=127.0.0.4 ");
    }

    private String seenFrom(String localAddress, String forwardedFor) throws Exception {
        return seenFrom(localAddress, forwardedFor, Map.of());
    }

    private String seenFrom(String localAddress, String forwardedFor, Map<String, String> more) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Real-IP", "192.0.2.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
            request.header("Forwarded", "for=192.0.2.2");
        }
        more.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static StubService start() {
        try {
            return new StubService((exchange, call) -> {
                var headers = exchange.getRequestHeaders();
                StubService.reply(
                        exchange,
                        200,
                        "xff=" + String.join(",", headers.getOrDefault("X-Forwarded-For", List.of("null")))
                                + " forwarded=" + headers.getFirst("Forwarded") + " real="
                                + headers.getFirst("X-Real-IP") + " others="
                                + headers.keySet().stream()
                                        .filter(name ->
                                                name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-"))
                                        .filter(name -> !name.equalsIgnoreCase("X-Forwarded-For"))
                                        .sorted()
                                        .toList());
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
