package com.hypertube.web.client;

import com.hypertube.web.client.ProviderException.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * This service's own access token, for calls no user is behind (a sync asking another service): the OAuth2
 * client-credentials grant at the auth service ({@code /oauth/token}), as the service's name with its
 * {@code SERVICE_CLIENT_SECRET}, scope {@code service}. Kept until a minute before it expires, so a busy sync
 * asks for one every quarter of an hour, not on every call. Without a secret there is none, and a caller does
 * without (or skips the work).
 */
public final class ServiceToken {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(1);

    record Answer(String accessToken, Long expiresIn) {}

    private final String clientId;
    private final String secret;
    private final RestClient http;
    private final InstantSource clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ServiceToken(URI tokenUri, String clientId, String secret, InstantSource clock) {
        this.clientId = clientId;
        this.secret = secret;
        this.http = OutboundHttp.client(tokenUri, Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.clock = clock;
    }

    public boolean configured() {
        return secret != null && !secret.isBlank();
    }

    /**
     * The {@code Authorization} header value for a call on this service's own behalf; empty when no secret is
     * configured.
     *
     * @throws ProviderException when the auth service refuses or cannot be reached
     */
    public synchronized Optional<String> bearer() {
        if (!configured()) {
            return Optional.empty();
        }
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            Answer answer = ask();
            token = answer.accessToken();
            long lifetime = answer.expiresIn() == null ? 60 : answer.expiresIn();
            refreshAt = clock.instant().plusSeconds(lifetime).minus(REFRESH_BEFORE_EXPIRY);
        }
        return Optional.of("Bearer " + token);
    }

    private Answer ask() {
        String body;
        try {
            body = http.post()
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .headers(headers -> headers.setBasicAuth(clientId, secret))
                    .body("grant_type=client_credentials")
                    .retrieve()
                    .body(String.class);
        } catch (RestClientException e) {
            throw new ProviderException(
                    "auth-service", Reason.UNAVAILABLE, "gave no service token: " + e.getMessage(), null, e);
        }
        Answer answer = ProviderCalls.JSON.readValue(body == null ? "{}" : body, Answer.class);
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new ProviderException("auth-service", Reason.MALFORMED, "answered without a token", null, null);
        }
        return answer;
    }
}
