package com.hypertube.auth.apiclient;

import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.session.Throttles;
import com.hypertube.auth.token.AccessToken;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API's token endpoint: the OAuth2 {@code client_credentials} grant (RFC 6749 §4.4) for API
 * clients that users registered — the token carries the client's scopes ({@code read}); the gateway lets
 * it through on read-only requests — and for the other Hypertube services ({@link ServiceClients}, scope
 * {@code service}), which call each other directly, never through the gateway.
 */
@RestController
class TokenEndpoint {

    private final ApiClients clients;
    private final ServiceClients services;
    private final AccessTokens tokens;
    private final Throttle throttle;
    private final AuditLog audit;

    TokenEndpoint(
            ApiClients clients,
            ServiceClients services,
            AccessTokens tokens,
            Throttle addressThrottle,
            AuditLog audit) {
        this.clients = clients;
        this.services = services;
        this.tokens = tokens;
        this.throttle = addressThrottle;
        this.audit = audit;
    }

    @PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest http) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            throw oauthError(
                    HttpStatus.BAD_REQUEST,
                    "unsupported_grant_type",
                    "Only grant_type=client_credentials is supported.");
        }
        String[] credentials = credentials(http, form);
        String addressKey = "token:ip:" + RequestOrigin.of(http).ip();
        Throttles.refuseIfLocked(throttle, addressKey, "failed client authentications");
        Set<String> granted = services.authenticate(credentials[0], credentials[1])
                .or(() -> clients.authenticate(credentials[0], credentials[1]))
                .orElse(null);
        if (granted == null) {
            throttle.failed(addressKey);
            throw oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Unknown client or wrong secret.");
        }
        Set<String> scopes = granted;
        String asked = form.getFirst("scope");
        if (asked != null && !asked.isBlank()) {
            scopes = new LinkedHashSet<>(Arrays.asList(asked.trim().split("\\s+")));
            if (!granted.containsAll(scopes)) {
                throw oauthError(
                        HttpStatus.BAD_REQUEST,
                        "invalid_scope",
                        "This client may only ask for: " + String.join(" ", granted));
            }
        }
        AccessToken token = tokens.forClient(credentials[0], scopes);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of(
                        "access_token", token.value(),
                        "token_type", "Bearer",
                        "expires_in", token.expiresIn(),
                        "scope", String.join(" ", scopes)));
    }

    /** A signed-in user registers a program; the answer holds its secret, once. */
    @PostMapping("/api/users/me/api-clients")
    ResponseEntity<ApiClientCreated> register(
            Caller caller, @Valid @RequestBody ApiClientRequest request, HttpServletRequest http) {
        ApiClientCreated created = clients.create(caller.requireUser(), request.name());
        audit.record(
                AuditEvent.API_CLIENT_CREATED,
                caller.requireUser(),
                caller.name(),
                RequestOrigin.of(http),
                created.clientId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    /** The programs the user registered (without their secrets). */
    @GetMapping("/api/users/me/api-clients")
    List<ApiClients.ApiClientView> list(Caller caller) {
        return clients.of(caller.requireUser());
    }

    /** Revokes one of the user's programs: it can get no new token (one it holds lasts its 15 minutes). */
    @DeleteMapping("/api/users/me/api-clients/{clientId}")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String clientId) {
        if (!clients.revoke(caller.requireUser(), clientId)) {
            throw ProblemTypes.error(
                    HttpStatus.NOT_FOUND, "unknown-api-client", "You have no API client " + clientId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    // HTTP Basic (RFC 6749 §2.3.1, preferred) or client_id and client_secret in the form.
    private static String[] credentials(HttpServletRequest http, MultiValueMap<String, String> form) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "The Basic credentials cannot be read.");
        }
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        if (id == null || secret == null || id.length() > 64 || secret.length() > 128) {
            throw oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Send the client id and secret (HTTP Basic).");
        }
        return new String[] {id, secret};
    }

    // A problem that also carries RFC 6749's "error" field, so OAuth client libraries understand it.
    private static ErrorResponseException oauthError(HttpStatus status, String error, String detail) {
        ErrorResponseException exception = ProblemTypes.error(status, "oauth-" + error.replace('_', '-'), detail);
        exception.getBody().setProperty("error", error);
        exception.getBody().setProperty("error_description", detail);
        if (status == HttpStatus.UNAUTHORIZED) {
            exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hypertube\"");
        }
        return exception;
    }
}
