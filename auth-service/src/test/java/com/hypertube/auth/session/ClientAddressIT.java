package com.hypertube.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hardening issue, finding 1: the sign-in throttle counts per client address, and the address comes from
 * {@code X-Forwarded-For} only when the gateway (127.0.0.1 here) sends it. A caller that reaches the service
 * from elsewhere (127.0.0.2 stands for a LAN neighbour: Tomcat's default trusted every private-range
 * address) cannot pick a new address for each attempt to dodge the throttle.
 */
@Tag("security")
class ClientAddressIT extends AuthIntegrationTest {

    @Test
    void aCallerThatIsNotTheGatewayCannotRotateItsForwardedAddress() throws Exception {
        HttpClient neighbour = clientFrom("127.0.0.2");
        int lastStatus = 0;
        for (int attempt = 0; attempt < 30 && lastStatus != 429; attempt++) {
            lastStatus = signIn(neighbour, "nobody_" + attempt, "198.51.100." + attempt)
                    .statusCode();
        }
        assertThat(lastStatus).as("the neighbour's own address is throttled").isEqualTo(429);
    }

    @Test
    void behindTheGatewayEachClientAddressHasItsOwnCounter() throws Exception {
        HttpClient gateway = clientFrom("127.0.0.1");
        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 429; attempt++) {
            status = signIn(gateway, "ghost_" + attempt, "203.0.113.7").statusCode();
        }
        assertThat(status)
                .as("the client behind the gateway at 203.0.113.7 is throttled")
                .isEqualTo(429);
        // Another client behind the same gateway is not: one client's failures never lock everyone out.
        assertThat(signIn(gateway, "ghost_other", "203.0.113.8").statusCode()).isEqualTo(401);
        // A real user from another address still signs in.
        AuthApi api = api();
        String user = api.register("bystander");
        HttpResponse<String> ok = send(
                gateway, "{\"username\":\"" + user + "\",\"password\":\"" + AuthApi.PASSWORD + "\"}", "203.0.113.9");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> signIn(HttpClient client, String username, String forwardedFor) throws Exception {
        return send(client, "{\"username\":\"" + username + "\",\"password\":\"wrong-password-1\"}", forwardedFor);
    }

    private HttpResponse<String> send(HttpClient client, String json, String forwardedFor) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient clientFrom(String localAddress) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
