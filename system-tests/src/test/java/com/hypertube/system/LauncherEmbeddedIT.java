package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * The launcher where no Postgres and no AMQP broker answer (ports of this test's own, where nothing listens):
 * {@code ./hypertube up} starts embedded ones and every service on them, a download job goes through the
 * broker, {@code down} leaves no process and no port behind, and a second {@code up} finds the data again.
 *
 * <p>It runs the launcher as a person does ({@link LauncherRun}).
 */
class LauncherEmbeddedIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);
    private static final String PASSWORD = "embedded-and-kept-7";
    private static final List<String> SERVICES =
            List.of("auth-service", "media-service", "source-service", "streaming-service", "gateway-service");

    private final LauncherRun launcher = new LauncherRun("launcher-embedded");
    private final Path home = launcher.home;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES) // some three minutes on two cores
    void upStartsEmbeddedServersDownStopsEverythingAndASecondUpFindsTheDataAgain() throws Exception {
        for (String name : List.of(
                "DB_PORT",
                "RABBITMQ_PORT",
                "GATEWAY_PORT",
                "AUTH_PORT",
                "MEDIA_PORT",
                "STREAMING_PORT",
                "SOURCE_PORT")) {
            ports.put(name, LauncherRun.freePort());
            launcher.with(name, ports.get(name));
        }
        boolean passed = false;
        try {
            LauncherRun.Result up = launcher("up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output())
                    .contains("Embedded postgres on 127.0.0.1:" + ports.get("DB_PORT"))
                    .contains("Embedded amqp on 127.0.0.1:" + ports.get("RABBITMQ_PORT"));

            LauncherRun.Result status = launcher("status");
            assertThat(status.exitCode())
                    .as("every service UP\n" + status.output())
                    .isZero();
            assertThat(status.output())
                    .containsPattern("Postgres +embedded \\(pid \\d+\\)")
                    .containsPattern("AMQP +embedded \\(pid \\d+\\)");

            // The streaming service declared its topology on the embedded broker: the queues are there.
            try (Connection amqp = amqp();
                    Channel channel = amqp.createChannel()) {
                for (String queue : List.of("download", "download.dlq", "conversion", "conversion.dlq")) {
                    channel.queueDeclarePassive(queue);
                }
            }

            String username = "embedded_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            HttpResponse<String> registered = gateway(
                    "POST",
                    "/api/auth/register",
                    "{\"email\":\"" + username + "@example.org\",\"username\":\"" + username
                            + "\",\"firstName\":\"Embedded\",\"lastName\":\"Test\",\"password\":\"" + PASSWORD + "\"}",
                    null);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String token = signIn(username);

            // A download job: the job is PENDING until the worker takes its message off the broker's queue.
            String magnet = "magnet:?xt=urn:btih:" + HexFormat.of().formatHex(randomBytes(20));
            HttpResponse<String> play = gateway("POST", "/api/stream", "{\"magnet\":\"" + magnet + "\"}", token);
            assertThat(play.statusCode()).as(play.body()).isEqualTo(202);
            String jobId = play.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
            awaitJobStatus(jobId, token, "DOWNLOADING", Duration.ofSeconds(30));

            List<ProcessHandle> processes = processesOfThisRun();
            assertThat(processes).hasSizeGreaterThanOrEqualTo(SERVICES.size() + 3); // + 2 JVMs + a postmaster

            LauncherRun.Result down = launcher("down");
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(down.output()).contains("Stopped the embedded amqp.").contains("Stopped the embedded postgres.");
            assertThat(processes.stream().filter(ProcessHandle::isAlive).map(this::describe))
                    .as("processes left after down")
                    .isEmpty();
            assertThat(ports.entrySet().stream()
                            .filter(port -> listening(port.getValue()))
                            .map(Map.Entry::getKey))
                    .as("ports still listening after down")
                    .isEmpty();

            LauncherRun.Result again = launcher("up");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).doesNotContain("first start");
            signIn(username); // the account made before down: the data was kept
            passed = true;
        } finally {
            LauncherRun.Result down = launcher("down");
            if (down.exitCode() != 0) {
                System.err.println("./hypertube down failed:\n" + down.output());
            } else if (passed) {
                // Some 100 MB (Postgres's binaries and cluster); a failed run's stay, with its logs, to look at.
                FileSystemUtils.deleteRecursively(home);
            }
        }
    }

    private LauncherRun.Result launcher(String command) throws IOException, InterruptedException {
        return launcher.run(COMMAND_TIMEOUT, command);
    }

    /** Every service, both embedded servers and the postmaster with its children: what down must stop. */
    private List<ProcessHandle> processesOfThisRun() throws IOException {
        List<ProcessHandle> processes = new ArrayList<>();
        try (Stream<Path> pidFiles = Files.list(home.resolve("pids"))) {
            for (Path file : pidFiles.toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).ifPresent(processes::add);
            }
        }
        Path postmaster = home.resolve("postgres/cluster/postmaster.pid");
        assertThat(postmaster).exists();
        ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(postmaster).getFirst().trim()))
                .ifPresent(handle -> {
                    processes.add(handle);
                    handle.descendants().forEach(processes::add);
                });
        return processes;
    }

    private String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private String signIn(String username) throws Exception {
        HttpResponse<String> login = gateway(
                "POST",
                "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}",
                null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    private void awaitJobStatus(String jobId, String token, String status, Duration within) {
        await("job " + jobId + " " + status)
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(gateway("GET", "/api/downloads/" + jobId, null, token)
                                .body())
                        .contains("\"status\":\"" + status + "\""));
    }

    private HttpResponse<String> gateway(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.get("GATEWAY_PORT") + path))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Connection amqp() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(ports.get("RABBITMQ_PORT"));
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        return factory.newConnection("launcher-embedded-it");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
