package com.hypertube.auth.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth API as the tests call it over HTTP on 127.0.0.1. Each instance is one client address (sent as
 * X-Forwarded-For, which the service honours from loopback), so one test's failed sign-ins never throttle
 * another's.
 */
public final class AuthApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String clientAddress;

    public AuthApi(String base) {
        this.base = base;
        int random = UUID.randomUUID().hashCode();
        this.clientAddress = "10." + (random >>> 16 & 0xff) + "." + (random >>> 8 & 0xff) + "." + (random & 0xff);
    }

    /** An answer with its JSON body read. */
    public record Answer(HttpResponse<String> response, JsonNode json) {
        public int status() {
            return response.statusCode();
        }

        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> cookies() {
            return response.headers().allValues("Set-Cookie");
        }

        /** The value of a cookie this answer sets. */
        public String cookie(String name) {
            return cookies().stream()
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
                    .findFirst()
                    .orElse(null);
        }

        public String cookieLine(String name) {
            return cookies().stream()
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }
    }

    public Answer send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", clientAddress)
                .header("User-Agent", "hypertube-tests")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() || !response.body().trim().matches("(?s)^[\\[{].*")
                ? JSON.createObjectNode()
                : JSON.readTree(response.body());
        return new Answer(response, json);
    }

    public Answer get(String path, String accessToken) throws Exception {
        return send("GET", path, null, bearer(accessToken));
    }

    public Answer post(String path, Object body) throws Exception {
        return send("POST", path, body, Map.of());
    }

    /** Registers a user with a valid password; returns the username. */
    public String register(String prefix) throws Exception {
        String username = prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Answer answer = post("/api/auth/register", registration(username, username + "@example.org"));
        if (answer.status() != 201) {
            throw new AssertionError("register failed: " + answer.response().body());
        }
        return username;
    }

    public Answer login(String username, String password) throws Exception {
        return post("/api/auth/login", Map.of("username", username, "password", password));
    }

    /** Signs in with the password {@link #PASSWORD}; returns the answer (access token, cookies). */
    public Answer login(String username) throws Exception {
        Answer answer = login(username, PASSWORD);
        if (answer.status() != 200) {
            throw new AssertionError("login failed: " + answer.response().body());
        }
        return answer;
    }

    public static final String PASSWORD = "correct-horse-42";

    public static Map<String, Object> registration(String username, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("username", username);
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("password", PASSWORD);
        return body;
    }

    public static Map<String, String> bearer(String accessToken) {
        return accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken);
    }
}
