package com.hypertube.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./hypertube} run as a person does, on the jars the reactor has just built (HYPERTUBE_BUILD=never: no build
 * inside the build), with a state folder of its own under target/ and the settings a test gives (ports, servers).
 * What this machine's environment may say about servers is not for the test: it is cleared first.
 */
final class LauncherRun {

    record Result(int exitCode, String output) {}

    private static final List<String> MACHINE_SETTINGS = List.of(
            "DB_HOST",
            "DB_NAME",
            "DB_USER",
            "DB_PASSWORD",
            "RABBITMQ_HOST",
            "RABBITMQ_USER",
            "RABBITMQ_PASSWORD",
            "RABBITMQ_VHOST",
            "HYPERTUBE_EMBEDDED",
            "AUTH_JWKS_URL",
            "HYPERTUBE_PUBLIC_URL",
            "HYPERTUBE_LISTEN_ADDRESS");

    final Path root = Path.of(System.getProperty("hypertube.root", "..")).toAbsolutePath();
    final Path home;
    private final Map<String, String> settings = new LinkedHashMap<>();

    LauncherRun(String name) {
        this.home = root.resolve("system-tests/target/" + name + "-" + System.nanoTime());
        settings.put("HYPERTUBE_HOME", home.toString());
        settings.put("HYPERTUBE_BUILD", "never");
        settings.put("HYPERTUBE_START_TIMEOUT", "120");
        settings.put("HYPERTUBE_LISTEN_ADDRESS", "127.0.0.1");
        // As SuiteSmokeIT's services: a quick start matters more than peak speed on two cores.
        settings.put("HYPERTUBE_JAVA_OPTS", "-Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        // The jars as built: recording and writing five AOT caches at once is bench/startup.sh's subject, not this.
        settings.put("HYPERTUBE_AOT", "never");
        settings.put("TORRENT_PORT", "0"); // any free port: never the one a running Hypertube holds
        settings.put("HYPERTUBE_DOWNLOAD_ROOT", home.resolve("downloads").toString());
        settings.put(
                "JAVA_HOME",
                ProcessHandle.current()
                        .info()
                        .command()
                        .map(java -> Path.of(java).getParent().getParent().toString())
                        .orElse(System.getProperty("java.home")));
    }

    /** A setting of this run, such as a port. */
    LauncherRun with(String name, Object value) {
        settings.put(name, String.valueOf(value));
        return this;
    }

    /** A free port for each of these settings. */
    LauncherRun withFreePorts(String... names) throws IOException {
        for (String name : names) {
            with(name, freePort());
        }
        return this;
    }

    int port(String name) {
        return Integer.parseInt(settings.get(name));
    }

    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /** Runs {@code ./hypertube ARGS...} and gives its exit code and output, or -1 when it took too long. */
    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path output = home.resolve(args[0] + "-" + System.nanoTime() + ".out");
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("hypertube").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        Stream.concat(MACHINE_SETTINGS.stream(), settings.keySet().stream()).forEach(environment::remove);
        environment.putAll(settings);
        return finish(builder, output, timeout);
    }

    /**
     * Starts the process and gives its exit code and output (written to {@code output}), or -1 when it took longer
     * than {@code timeout}: then it is killed with what it started (ffmpeg, a build, a browser: not only itself).
     */
    static Result finish(ProcessBuilder builder, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
