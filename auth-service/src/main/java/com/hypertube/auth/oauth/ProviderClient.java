package com.hypertube.auth.oauth;

import com.hypertube.auth.AuthProperties.OAuthProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Talks to an OAuth2 provider's token and user endpoints (RFC 6749 §4.1.3, then the provider's user API),
 * with timeouts, and maps its user to a {@link ProviderUser} by the attribute names in its configuration.
 */
@Component
class ProviderClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY =
            new ParameterizedTypeReference<>() {};

    private final RestClient http;

    ProviderClient(RestClient.Builder builder) {
        var factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.requestFactory(factory).build();
    }

    /** Thrown when the provider refuses or answers something we cannot use. */
    static class ProviderException extends RuntimeException {
        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    String exchange(OAuthProvider provider, String code, URI redirectUri) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        form.add("client_id", provider.clientId());
        form.add("client_secret", provider.clientSecret());
        Map<String, Object> answer = call(() -> http.post()
                .uri(provider.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form)
                .retrieve()
                .body(JSON_OBJECT));
        // GitHub answers a bad code with 200 and {"error": …}: no token is the only reliable sign.
        Object token = answer == null ? null : answer.get("access_token");
        if (!(token instanceof String value) || value.isBlank()) {
            throw new ProviderException(
                    "No access token from the provider: " + (answer == null ? null : answer.get("error")), null);
        }
        return value;
    }

    ProviderUser user(String name, OAuthProvider provider, String accessToken) {
        Map<String, Object> info = call(() -> http.get()
                .uri(provider.userInfoUri())
                .headers(headers -> headers.setBearerAuth(accessToken))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JSON_OBJECT));
        String subject = text(info, provider.idAttribute());
        if (subject == null) {
            throw new ProviderException("The provider's user has no " + provider.idAttribute(), null);
        }
        String email = provider.emailTrusted() ? text(info, provider.emailAttribute()) : null;
        if (provider.emailsUri() != null) {
            email = verifiedPrimaryEmail(provider, accessToken);
        }
        String first = text(info, provider.firstNameAttribute());
        String last = text(info, provider.lastNameAttribute());
        String full = text(info, provider.nameAttribute());
        if (first == null && full != null) {
            int space = full.trim().indexOf(' ');
            first = space < 0 ? full.trim() : full.trim().substring(0, space);
            last = space < 0 ? null : full.trim().substring(space + 1).trim();
        }
        return new ProviderUser(name, subject, text(info, provider.loginAttribute()), email, first, last);
    }

    // GitHub: the user's addresses, each with primary and verified flags; only a verified one is used.
    private String verifiedPrimaryEmail(OAuthProvider provider, String accessToken) {
        List<Map<String, Object>> emails = call(() -> http.get()
                .uri(provider.emailsUri())
                .headers(headers -> headers.setBearerAuth(accessToken))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JSON_ARRAY));
        return Objects.requireNonNullElse(emails, List.<Map<String, Object>>of()).stream()
                .filter(entry ->
                        Boolean.TRUE.equals(entry.get("verified")) && Boolean.TRUE.equals(entry.get("primary")))
                .map(entry -> text(entry, "email"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String text(Map<String, Object> map, String attribute) {
        if (attribute == null || map == null) {
            return null;
        }
        Object value = map.get(attribute);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new ProviderException("The provider did not answer as expected", e);
        }
    }
}
