package com.hypertube.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every Hypertube service promises from the first day, checked against the running service with
 * a real Postgres and RabbitMQ. A service's {@code <Name>ServiceIT} extends it, annotated with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @Import(TestInfrastructure.class)}.
 */
public abstract class ServiceConventionsContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private final String serviceName;
    private final String schema;
    private final String firstTable;

    /**
     * @param serviceName the service's name as its problems give it, e.g. {@code auth-service}
     * @param schema the schema its Flyway migrations own
     * @param firstTable a table its first migration creates in that schema
     */
    protected ServiceConventionsContract(String serviceName, String schema, String firstTable) {
        this.serviceName = serviceName;
        this.schema = schema;
        this.firstTable = firstTable;
    }

    @Test
    void readinessIsUpAndCoversTheDatabaseAndTheBroker() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
        if (usesBroker()) {
            assertThat(response.body()).contains("\"rabbit\":{\"status\":\"UP\"");
        } else {
            assertThat(response.body())
                    .as("a service that sends no message needs no broker")
                    .doesNotContain("rabbit");
        }
    }

    /** Whether the service talks to RabbitMQ (the auth service sends and takes no message). */
    protected boolean usesBroker() {
        return true;
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void flywayMigratedTheServicesOwnSchema() {
        int tables = jdbc.sql(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")
                .params(schema, firstTable)
                .query(Integer.class)
                .single();
        String historyTable = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name = 'flyway_schema_history'")
                .param(schema)
                .query(String.class)
                .single();

        assertThat(tables).isEqualTo(1);
        assertThat(historyTable).isEqualTo("flyway_schema_history");
    }

    @Test
    void unknownPathIsANotFoundProblemWithARequestId() throws Exception {
        HttpResponse<String> response = getAsUser("/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:hypertube:problem:not-found\"")
                .contains("\"service\":\"" + serviceName + "\"");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"" + serviceName + "\"");
    }

    @Test
    void openApiDescriptionIsPublished() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"").contains("Hypertube gateway");
    }

    /**
     * The web app's TypeScript types are made from a copy of each service's OpenAPI description
     * ({@code web-ui/openapi/<service>.json}, turned into {@code web-ui/src/api/generated/} by {@code npm run
     * api-types}): the copy must be the description the service publishes, so that a change to an endpoint's
     * shape fails here until the copy, the types and the app that reads them follow. Run with {@code
     * -Dopenapi.write=true} to rewrite the copy. The servers list is left out: it names this run's address.
     */
    @Test
    void openApiDescriptionIsTheCopyTheWebAppIsTypedFrom() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .build();
        tools.jackson.databind.node.ObjectNode published =
                (tools.jackson.databind.node.ObjectNode) json.readTree(response.body());
        published.remove("servers");
        java.nio.file.Path copy = java.nio.file.Path.of("..", "web-ui", "openapi", serviceName + ".json");
        if (Boolean.getBoolean("openapi.write")) {
            java.nio.file.Files.writeString(copy, json.writeValueAsString(published) + "\n");
        }
        assertThat(copy).as("the web app's copy of the OpenAPI description").exists();
        assertThat(json.readTree(java.nio.file.Files.readString(copy)))
                .as(
                        "%s's OpenAPI description differs from web-ui/openapi/%s.json: run this test with "
                                + "-Dopenapi.write=true, then `npm run api-types` in web-ui, and make the app follow",
                        serviceName, serviceName)
                .isEqualTo(published);
    }

    /**
     * Security regression (hardening issue, finding 2): a guarded path spelt any other way — encoded letters,
     * {@code ;} parameters, doubled slashes, dot segments, another case, a trailing or encoded slash — never
     * reaches a handler without an identity. Sent over a raw socket, so no client library tidies the path.
     */
    @Test
    @org.junit.jupiter.api.Tag("security")
    void noSpellingOfAGuardedPathIsAnsweredWithoutAnIdentity() throws Exception {
        String guarded = guardedPath();
        String head = guarded.substring(1, guarded.indexOf('/', 1)); // "api"
        String rest = guarded.substring(guarded.indexOf('/', 1)); // "/downloads"
        java.util.List<String> spellings = java.util.List.of(
                guarded,
                "/%" + Integer.toHexString(head.charAt(0)) + head.substring(1) + rest,
                "/" + head + "/%" + Integer.toHexString(rest.charAt(1)) + rest.substring(2),
                "/" + head + ";x=y" + rest,
                guarded + ";jsessionid=1",
                "/" + guarded,
                "/" + head + "/" + rest,
                "/." + guarded,
                "/" + head + "/." + rest,
                "/x/.." + guarded,
                "/actuator/health/../.." + guarded,
                "/actuator/health/..;/..;" + guarded,
                "/actuator/health;/../.." + guarded,
                "/%2e" + guarded,
                "/" + head.toUpperCase(java.util.Locale.ROOT) + rest,
                guarded + "/",
                "/" + head + "%2F" + rest.substring(1),
                "/" + head + "%2f" + rest.substring(1),
                "/" + head + "%5C" + rest.substring(1));
        for (String spelling : spellings) {
            int status = rawStatus("GET", spelling);
            assertThat(status).as("GET %s without an identity", spelling).isIn(400, 401, 403, 404);
        }
    }

    /** A path of this service that needs a signed-in caller, such as {@code /api/downloads}. */
    protected abstract String guardedPath();

    /** The status line's code for a request sent byte for byte as given. */
    protected int rawStatus(String method, String rawPath) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(statusLine).as("answer to %s %s", method, rawPath).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** A GET as the gateway forwards a signed-in user's (services' tests trust these headers). */
    protected HttpResponse<String> getAsUser(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-User-Id", java.util.UUID.randomUUID().toString())
                .header("X-User-Name", "contract")
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
