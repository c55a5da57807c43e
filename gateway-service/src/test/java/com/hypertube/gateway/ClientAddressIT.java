package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    @LocalServerPort
    int port;

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
        assertThat(seenFrom("127.0.0.2", null)).isEqualTo("xff=127.0.0.2 forwarded=null real=null");
        assertThat(seenFrom("127.0.0.3", null)).isEqualTo("xff=127.0.0.3 forwarded=null real=null");
    }

    @Test
    void aClientCannotChooseItsAddress() throws Exception {
        assertThat(seenFrom("127.0.0.3", "198.51.100.1")).isEqualTo("xff=127.0.0.3 forwarded=null real=null");
        assertThat(seenFrom("127.0.0.3", "198.51.100.1, 127.0.0.4")).startsWith("xff=127.0.0.3 ");
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
                        "xff=" + String.join(",", headers.getOrDefault("X-Forwarded-For", java.util.List.of("null")))
                                + " forwarded=" + headers.getFirst("Forwarded") + " real="
                                + headers.getFirst("X-Real-IP"));
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
