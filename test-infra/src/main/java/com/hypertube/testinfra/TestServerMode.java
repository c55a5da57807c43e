package com.hypertube.testinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the integration tests' servers come from. {@code HYPERTUBE_TEST_SERVERS} chooses: {@code docker},
 * {@code local}, {@code embedded}, or {@code auto} (the default: Docker when an engine is visible; else the local
 * servers when a Postgres or an AMQP broker answers where {@code HYPERTUBE_TEST_PG_*} and {@code
 * HYPERTUBE_TEST_RABBIT_*} say, 127.0.0.1:5432 and :5672 by default; else embedded ones, started in the test JVM).
 */
public enum TestServerMode {
    /** Testcontainers starts Postgres and RabbitMQ. */
    DOCKER,
    /** The machine's own servers, in a database and a virtual host of this JVM's ({@link LocalTestServers}). */
    LOCAL,
    /** A Postgres and an AMQP broker of this JVM's, started in it ({@link EmbeddedTestServers}). */
    EMBEDDED;

    static final String VARIABLE = "HYPERTUBE_TEST_SERVERS";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private static TestServerMode current;

    /** This JVM's mode, decided on the first call (looking for the servers once). */
    public static synchronized TestServerMode current() {
        if (current == null) {
            current = choose(
                    System.getenv(VARIABLE),
                    TestServerMode::dockerEngineVisible,
                    () -> answers(LocalTestServers.postgresHost(), LocalTestServers.postgresPort()),
                    () -> answers(LocalTestServers.rabbitHost(), LocalTestServers.rabbitPort()));
        }
        return current;
    }

    /** Whether the mode was asked for by name, rather than found by {@code auto}. */
    static boolean chosenExplicitly() {
        String setting = System.getenv(VARIABLE);
        return setting != null && !setting.isBlank() && !setting.equalsIgnoreCase("auto");
    }

    /**
     * The decision, from what the machine offers: {@code setting} is {@code HYPERTUBE_TEST_SERVERS} (null or blank
     * for auto); the others are asked only when auto needs them, in this order. A Postgres without an AMQP broker,
     * or the reverse, means LOCAL: the local servers are meant, and their test run says which one is missing.
     */
    static TestServerMode choose(
            String setting,
            BooleanSupplier dockerEngine,
            BooleanSupplier postgresAnswers,
            BooleanSupplier amqpAnswers) {
        String chosen = setting == null || setting.isBlank() ? "auto" : setting.trim();
        return switch (chosen.toLowerCase(Locale.ROOT)) {
            case "docker" -> DOCKER;
            case "local" -> LOCAL;
            case "embedded" -> EMBEDDED;
            case "auto" -> {
                if (dockerEngine.getAsBoolean()) {
                    yield DOCKER;
                }
                yield postgresAnswers.getAsBoolean() || amqpAnswers.getAsBoolean() ? LOCAL : EMBEDDED;
            }
            default ->
                throw new IllegalStateException(
                        VARIABLE + " must be docker, local, embedded or auto, not '" + chosen + "'");
        };
    }

    /** Whether something accepts a TCP connection there. */
    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // Cheap look before asking Testcontainers, whose own probe is slow and loud when there is no engine.
    private static boolean dockerEngineVisible() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }
}
