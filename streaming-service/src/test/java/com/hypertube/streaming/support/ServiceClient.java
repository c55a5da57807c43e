package com.hypertube.streaming.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The streaming service's HTTP API as the integration tests call it, on 127.0.0.1. */
public final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Who {@link #send}, {@link #range}, {@link #upload} and {@link #play} act as: one signed-in user. */
    public static final java.util.UUID DEFAULT_USER = java.util.UUID.fromString("00000000-0000-4000-8000-00000000a11c");

    /** An administrator, for the tests that watch jobs no user asked for (the reconciler's). */
    public static final java.util.UUID ADMIN = java.util.UUID.fromString("00000000-0000-4000-8000-0000000ad000");

    private final int port;

    public ServiceClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        return sendAs(DEFAULT_USER, method, path, json);
    }

    /**
     * As the gateway forwards a user's request ({@code X-User-Id}); these tests run the service with
     * {@code identity-from=headers}, so the header is who the service takes the viewer to be. A null user sends
     * no identity at all.
     */
    public HttpResponse<String> sendAs(java.util.UUID user, String method, String path, String json) throws Exception {
        return sendAs(user, "", method, path, json);
    }

    /** With exactly these headers (name, value, …) and no others: an API client's, or nobody's. */
    public HttpResponse<String> sendWithHeaders(String method, String path, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As an administrator (role {@code admin}): sees every user's jobs. */
    public HttpResponse<String> sendAsAdmin(String method, String path, String json) throws Exception {
        return sendAs(ADMIN, "admin", method, path, json);
    }

    HttpResponse<String> sendAs(java.util.UUID user, String roles, String method, String path, String json)
            throws Exception {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (user != null) {
            headers.addAll(java.util.List.of("X-User-Id", user.toString()));
        }
        if (!roles.isEmpty()) {
            headers.addAll(java.util.List.of("X-User-Roles", roles));
        }
        return sendWithHeaders(method, path, json, headers.toArray(String[]::new));
    }

    /** A player's range request on a torrent's file: {@code GET /api/stream/<hash>/<file>} with {@code Range}. */
    public HttpResponse<byte[]> range(String infoHash, int file, String range, Duration timeout) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream/" + infoHash + "/" + file))
                        .header("Range", range)
                        .header("X-User-Id", DEFAULT_USER.toString())
                        .timeout(timeout)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET as the default user, the body as bytes (a playlist or a segment). */
    public HttpResponse<byte[]> bytes(String path, Duration timeout) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-User-Id", DEFAULT_USER.toString())
                        .timeout(timeout)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Presses play on an uploaded .torrent (multipart, part {@code torrent}). */
    public HttpResponse<String> upload(byte[] torrent) throws Exception {
        return uploadAs(DEFAULT_USER, torrent);
    }

    /** Presses play on an uploaded .torrent, as this user. */
    public HttpResponse<String> uploadAs(java.util.UUID user, byte[] torrent) throws Exception {
        String boundary = "hypertube-test-boundary";
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\"t.torrent\"\r\n"
                        + "Content-Type: application/x-bittorrent\r\n\r\n")
                .getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + torrent.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(torrent, 0, body, head.length, torrent.length);
        System.arraycopy(tail, 0, body, head.length + torrent.length, tail.length);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-User-Id", user.toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Presses play on a magnet; returns the job id. */
    public String play(String magnet) throws Exception {
        return jobIdOf(
                send("POST", "/api/stream", "{\"magnet\":\"" + magnet + "\"}").body());
    }

    /** Waits (up to 20 s) until the job has the status; returns its description (asked as an admin). */
    public String awaitJob(String jobId, String status) {
        java.util.concurrent.atomic.AtomicReference<String> body =
                new java.util.concurrent.atomic.AtomicReference<>("");
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        body.set(sendAsAdmin("GET", "/api/downloads/" + jobId, null)
                                .body());
                        return body.get().contains("\"status\":\"" + status + "\"");
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("job " + jobId + " never became " + status + ": " + body.get(), e);
        }
        return body.get();
    }

    /** An info hash no torrent has: for jobs whose torrent never finds a peer. */
    public static String randomInfoHash() {
        byte[] bytes = new byte[20];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public static String jobIdOf(String json) {
        return json.replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
    }
}
