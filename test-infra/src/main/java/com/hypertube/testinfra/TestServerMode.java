package com.hypertube.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the integration tests' servers come from. {@code HYPERTUBE_TEST_SERVERS} chooses: {@code docker},
 * {@code local}, or {@code auto} (the default: Docker when an engine is visible, the local servers otherwise).
 */
public enum TestServerMode {
    DOCKER,
    LOCAL;

    public static TestServerMode current() {
        String chosen = System.getenv().getOrDefault("HYPERTUBE_TEST_SERVERS", "auto");
        return switch (chosen.toLowerCase(Locale.ROOT)) {
            case "docker" -> DOCKER;
            case "local" -> LOCAL;
            case "auto" -> dockerEngineVisible() ? DOCKER : LOCAL;
            default ->
                throw new IllegalStateException(
                        "HYPERTUBE_TEST_SERVERS must be docker, local or auto, not '" + chosen + "'");
        };
    }

    // Cheap look before asking Testcontainers, whose own probe is slow and loud when there is no engine.
    private static boolean dockerEngineVisible() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }
}
