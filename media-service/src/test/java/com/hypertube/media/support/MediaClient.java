package com.hypertube.media.support;

import com.hypertube.contract.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Calls the running service as the gateway would forward a user's or an API client's request (identity
 * headers; these tests run with {@code identity-from=headers}).
 */
public final class MediaClient {

    public static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-0000000a11ce");
    public static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-000000000b0b");
    public static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000ad000");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public MediaClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> as(UUID user, String method, String path, String json) {
        String name = user.equals(ALICE) ? "alice" : user.equals(BOB) ? "bob" : "admin";
        List<String> headers =
                new ArrayList<>(List.of(IdentityHeaders.USER_ID, user.toString(), IdentityHeaders.USER_NAME, name));
        if (user.equals(ADMIN)) {
            headers.addAll(List.of(IdentityHeaders.ROLES, "admin"));
        }
        return send(method, path, json, headers.toArray(String[]::new));
    }

    public HttpResponse<String> get(String path) {
        return as(ALICE, "GET", path, null);
    }

    public HttpResponse<String> asClient(String method, String path, String json) {
        return send(method, path, json, IdentityHeaders.CLIENT_ID, "client:test");
    }

    public HttpResponse<String> send(String method, String path, String json, String... headers) {
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
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
