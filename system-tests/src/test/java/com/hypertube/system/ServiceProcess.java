package com.hypertube.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service's packaged jar, run as its own process the way the launcher runs it. */
final class ServiceProcess implements AutoCloseable {

    // Quick start-up matters more than peak speed for a smoke test on two cores.
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code <root>/<name>/target/<name>.jar} on a free port with the given environment. */
    static ServiceProcess start(Path root, String name, Map<String, String> environment, Path logDir)
            throws IOException {
        Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        int port = freePort();
        Path log = logDir.resolve(name + ".log");
        Files.createDirectories(logDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java);
        builder.command().addAll(JVM_OPTIONS);
        builder.command().addAll(List.of("-jar", jar.toString()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServiceProcess(name, port, log, builder.start());
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the service says it is ready; fails early, with its last log lines, if it dies. */
    void awaitReady(Instant deadline) throws IOException, InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (isReady()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready in time:\n" + logTail());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, java.util.Map.of());
    }

    /** A request with a JSON body (or none) and the given headers. */
    HttpResponse<String> send(String method, String path, String json, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        // A new connection per request: these tests kill and restart the processes, and a kept-alive
        // connection to a process that is gone would fail the next request for the wrong reason.
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private boolean isReady() throws InterruptedException {
        try {
            return get("/actuator/health/readiness").statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no graceful anything — a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the service the way an operator does (SIGTERM, graceful shutdown), forcing it if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
