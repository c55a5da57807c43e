package com.hypertube.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local Postgres and RabbitMQ, with one database and one virtual host for this JVM's test run. Both
 * are created on first use and dropped when the JVM exits; what a killed run left behind is dropped by a
 * later run once it is old enough to be surely dead.
 *
 * <p>Reached through {@code HYPERTUBE_TEST_PG_*} and {@code HYPERTUBE_TEST_RABBIT_*} environment
 * variables, with the defaults of a developer machine. The virtual host is managed through RabbitMQ's
 * management API (plugin {@code rabbitmq_management}).
 */
public final class LocalTestServers {

    private static final String PREFIX = "ht_test_";
    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private static LocalTestServers instance;

    private final String pgHost = postgresHost();
    private final int pgPort = postgresPort();
    private final String pgUser = env("HYPERTUBE_TEST_PG_USER", "postgres");
    private final String pgPassword = env("HYPERTUBE_TEST_PG_PASSWORD", "");
    private final String rabbitHost = rabbitHost();
    private final int rabbitPort = rabbitPort();
    private final int rabbitManagementPort = Integer.parseInt(env("HYPERTUBE_TEST_RABBIT_MANAGEMENT_PORT", "15672"));
    private final String rabbitUser = env("HYPERTUBE_TEST_RABBIT_USER", "guest");
    private final String rabbitPassword = env("HYPERTUBE_TEST_RABBIT_PASSWORD", "guest");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    /** The database and the virtual host share this name: {@code ht_test_<epoch seconds>_<random>}. */
    private final String runName = PREFIX + Instant.now().getEpochSecond() + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));

    private LocalTestServers() {}

    /** This JVM's servers, created on the first call. */
    public static synchronized LocalTestServers get() {
        if (instance == null) {
            LocalTestServers servers = new LocalTestServers();
            servers.create();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::drop, "drop-test-servers"));
            instance = servers;
        }
        return instance;
    }

    /** Where the local Postgres is looked for (also by {@link TestServerMode}'s auto). */
    static String postgresHost() {
        return env("HYPERTUBE_TEST_PG_HOST", "127.0.0.1");
    }

    static int postgresPort() {
        return Integer.parseInt(env("HYPERTUBE_TEST_PG_PORT", "5432"));
    }

    /** Where the local RabbitMQ is looked for (also by {@link TestServerMode}'s auto). */
    static String rabbitHost() {
        return env("HYPERTUBE_TEST_RABBIT_HOST", "127.0.0.1");
    }

    static int rabbitPort() {
        return Integer.parseInt(env("HYPERTUBE_TEST_RABBIT_PORT", "5672"));
    }

    /** Where this run's database and virtual host are. */
    public ServerAddresses addresses() {
        return new ServerAddresses(
                pgHost,
                pgPort,
                runName,
                pgUser,
                pgPassword,
                rabbitHost,
                rabbitPort,
                rabbitUser,
                rabbitPassword,
                runName);
    }

    private void create() {
        try (Connection admin = adminConnection()) {
            dropStaleDatabases(admin);
            admin.createStatement().execute("CREATE DATABASE " + runName);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the test database on Postgres at " + pgHost + ":" + pgPort + " as " + pgUser
                            + ". Is Postgres running? Set HYPERTUBE_TEST_PG_* to reach another one, or"
                            + " HYPERTUBE_TEST_SERVERS=embedded to run the tests on servers of their own.",
                    e);
        }
        dropStaleVirtualHosts();
        rabbitApi("PUT", "/api/vhosts/" + encode(runName), "{}");
        rabbitApi(
                "PUT",
                "/api/permissions/" + encode(runName) + "/" + encode(rabbitUser),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    private void drop() {
        try (Connection admin = adminConnection()) {
            // FORCE: pools of contexts still closing must not keep the database alive.
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + runName + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + runName + ": " + e.getMessage());
        }
        try {
            rabbitApi("DELETE", "/api/vhosts/" + encode(runName), null);
        } catch (IllegalStateException e) {
            System.err.println("Could not drop test virtual host " + runName + ": " + e.getMessage());
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", pgUser, pgPassword);
    }

    private void dropStaleDatabases(Connection admin) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (var rows = admin.createStatement()
                .executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                if (isStale(rows.getString(1))) {
                    stale.add(rows.getString(1));
                }
            }
        }
        for (String name : stale) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private void dropStaleVirtualHosts() {
        String list = rabbitApi("GET", "/api/vhosts?columns=name", null);
        for (String token : list.split("\"")) {
            if (token.startsWith(PREFIX) && isStale(token)) {
                rabbitApi("DELETE", "/api/vhosts/" + encode(token), null);
            }
        }
    }

    private static boolean isStale(String runName) {
        String[] parts = runName.substring(PREFIX.length()).split("_");
        try {
            Instant created = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            return created.isBefore(Instant.now().minus(STALE_AFTER));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String rabbitApi(String method, String path, String json) {
        URI uri = URI.create("http://" + rabbitHost + ":" + rabbitManagementPort + path);
        String credentials = Base64.getEncoder()
                .encodeToString((rabbitUser + ":" + rabbitPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot reach RabbitMQ's management API at " + uri.getHost() + ":" + rabbitManagementPort
                            + ". Is RabbitMQ running with the management plugin"
                            + " (rabbitmq-plugins enable rabbitmq_management)? An AMQP broker without one (such as"
                            + " the embedded broker of ./hypertube up) cannot serve the tests:"
                            + " HYPERTUBE_TEST_SERVERS=embedded runs them on servers of their own.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling RabbitMQ's management API", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
