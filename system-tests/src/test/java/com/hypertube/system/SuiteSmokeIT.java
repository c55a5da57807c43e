package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.testinfra.ServerAddresses;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole suite as it runs for real: every service's packaged jar started as a process against this
 * run's Postgres and RabbitMQ, all reached through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSmokeIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** Each public path prefix of the architecture map, with the service that must answer it. */
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        for (String area : List.of("auth", "users")) ROUTES.put("/api/" + area + "/smoke", "auth-service");
        ROUTES.put("/oauth/smoke", "auth-service");
        for (String area : List.of("movies", "shows", "comments", "library"))
            ROUTES.put("/api/" + area + "/smoke", "media-service");
        for (String area : List.of("stream", "torrents", "downloads"))
            ROUTES.put("/api/" + area + "/smoke", "streaming-service");
        ROUTES.put("/api/sources/smoke", "source-service");
        // The subject's public API, at its own paths.
        ROUTES.put("/users/smoke", "auth-service");
        ROUTES.put("/movies/smoke", "media-service");
        ROUTES.put("/comments/smoke", "media-service");
    }

    private final Path root = Path.of(System.getProperty("hypertube.root", ".."));
    private final Path logs = root.resolve("system-tests/target/service-logs");
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private ServiceProcess gateway;

    @BeforeAll
    void startTheSuite() throws Exception {
        Map<String, String> environment =
                new HashMap<>(ServerAddresses.forThisRun().serviceEnvironment());
        environment.put(
                "HYPERTUBE_DOWNLOAD_ROOT",
                root.resolve("system-tests/target/downloads").toString());
        environment.put("TORRENT_PORT", "0"); // any free port: never the one a running Hypertube holds
        for (String name : List.of("auth-service", "media-service", "source-service", "streaming-service")) {
            services.put(name, ServiceProcess.start(root, name, environment, logs));
            if (name.equals("auth-service")) {
                // The others check tokens against this auth service's keys.
                environment.put("AUTH_JWKS_URL", services.get(name).url() + "/.well-known/jwks.json");
            }
        }
        Map<String, String> gatewayEnvironment = new HashMap<>();
        services.forEach((name, service) ->
                gatewayEnvironment.put(name.replace("-service", "").toUpperCase() + "_SERVICE_URL", service.url()));
        gateway = ServiceProcess.start(root, "gateway-service", gatewayEnvironment, logs);

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        for (ServiceProcess service : services.values()) {
            service.awaitReady(deadline);
        }
        gateway.awaitReady(deadline);
        accessToken = signUpAndSignIn("smoke");
    }

    private String accessToken;
    private String refreshCookie;

    /** Registers through the gateway and signs in; returns the access token. */
    private String signUpAndSignIn(String prefix) throws Exception {
        String username = prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HttpResponse<String> registered = gateway.send(
                "POST",
                "/api/auth/register",
                "{\"email\":\"" + username
                        + "@example.org\",\"username\":\"" + username
                        + "\",\"firstName\":\"Smoke\",\"lastName\":\"Test\","
                        + "\"password\":\"" + PASSWORD + "\"}",
                Map.of());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> login = gateway.send(
                "POST",
                "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}",
                Map.of());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        refreshCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("ht_refresh="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private static final String PASSWORD = "smoke-and-mirrors-7";

    private HttpResponse<String> signedIn(String path) throws Exception {
        return gateway.send("GET", path, null, Map.of("Authorization", "Bearer " + accessToken));
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        for (ServiceProcess service : services.values()) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceReportsUp() throws Exception {
        for (ServiceProcess service :
                Stream.concat(services.values().stream(), Stream.of(gateway)).toList()) {
            HttpResponse<String> health = service.get("/actuator/health");

            assertThat(health.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(health.body()).as(service.name()).contains("\"status\":\"UP\"");
        }
    }

    @ParameterizedTest(name = "{0} reaches {1}")
    @MethodSource("routes")
    @Order(2)
    void eachRouteReachesItsService(String path, String service) throws Exception {
        HttpResponse<String> response = signedIn(path);

        // The service itself answers (404 where no endpoint is there yet, 400 where "smoke" is no valid id)
        // and signs its problem: the gateway's own answers are signed gateway-service.
        assertThat(response.statusCode()).isBetween(400, 499).isNotEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"service\":\"" + service + "\"");
    }

    @Test
    @Order(3)
    void anUnknownPathIsA404ProblemFromTheGateway() throws Exception {
        HttpResponse<String> response = signedIn("/api/nowhere/42");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:hypertube:problem:not-found\"")
                .contains("\"service\":\"gateway-service\"");
    }

    @Test
    @Order(4)
    void everyServicesApiDescriptionIsBrowsableFromTheGateway() throws Exception {
        for (String service : services.keySet()) {
            HttpResponse<String> response = gateway.get("/api-docs/" + service);

            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service).contains("\"openapi\"");
        }
    }

    @Test
    @Order(5)
    void theGatewayVerifiesTokensFromTheRealAuthServiceAndPassesTheIdentityOn() throws Exception {
        HttpResponse<String> me = signedIn("/api/users/me");
        HttpResponse<String> spoofed = gateway.send(
                "GET",
                "/api/users/me",
                null,
                Map.of("Authorization", "Bearer " + accessToken, "X-User-Id", "00000000-0000-0000-0000-000000000000"));
        HttpResponse<String> anonymous = gateway.get("/api/users/me");
        String[] parts = accessToken.split("\\.");
        HttpResponse<String> tampered = gateway.send(
                "GET",
                "/api/movies/smoke",
                null,
                Map.of("Authorization", "Bearer " + parts[0] + "." + parts[1] + "x." + parts[2]));
        HttpResponse<String> jwks = gateway.get("/.well-known/jwks.json");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"smoke_");
        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertThat(spoofed.body()).isEqualTo(me.body());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"service\":\"gateway-service\"");
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"");
    }

    @Test
    @Order(6)
    void theSessionIsRefreshedAndEndedThroughTheGateway() throws Exception {
        Map<String, String> cookie = Map.of("Cookie", refreshCookie, "X-Requested-With", "smoke");

        HttpResponse<String> refreshed = gateway.send("POST", "/api/auth/refresh", null, cookie);
        HttpResponse<String> replayed = gateway.send("POST", "/api/auth/refresh", null, cookie);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.body()).contains("\"accessToken\"");
        assertThat(replayed.statusCode()).as("within the two-tab grace window").isEqualTo(200);
        String next = refreshed.headers().allValues("Set-Cookie").stream()
                .filter(line -> line.startsWith("ht_refresh="))
                .map(line -> line.substring(0, line.indexOf(';')))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> logout =
                gateway.send("POST", "/api/auth/logout", null, Map.of("Cookie", next, "X-Requested-With", "smoke"));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(gateway.send("POST", "/api/auth/refresh", null, Map.of("Cookie", next, "X-Requested-With", "smoke"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(7)
    void aServiceReachedAroundTheGatewayStillWantsAToken() throws Exception {
        for (String name : List.of("media-service", "streaming-service", "source-service")) {
            ServiceProcess service = services.get(name);

            HttpResponse<String> anonymous = service.get("/api/smoke");
            HttpResponse<String> forged =
                    service.send("GET", "/api/smoke", null, Map.of("Authorization", "Bearer a.b.c"));
            HttpResponse<String> signed =
                    service.send("GET", "/api/smoke", null, Map.of("Authorization", "Bearer " + accessToken));

            assertThat(anonymous.statusCode()).as(name).isEqualTo(401);
            assertThat(anonymous.body()).as(name).contains("\"service\":\"" + name + "\"");
            assertThat(forged.statusCode()).as(name).isEqualTo(401);
            assertThat(signed.statusCode()).as(name).isEqualTo(404);
        }
    }

    @Test
    @Order(8)
    void aStoppedServiceIsA503ProblemNamingItWhileTheOthersStillAnswer() throws Exception {
        services.get("source-service").close();

        HttpResponse<String> stopped = signedIn("/api/sources/smoke");
        HttpResponse<String> running = signedIn("/api/movies/smoke");

        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stopped.body())
                .contains("\"type\":\"urn:hypertube:problem:service-unavailable\"")
                .contains("\"unavailableService\":\"source-service\"");
        assertThat(running.body()).contains("\"service\":\"media-service\"");
    }

    Stream<Arguments> routes() {
        return ROUTES.entrySet().stream().map(route -> Arguments.of(route.getKey(), route.getValue()));
    }
}
