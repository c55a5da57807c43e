package com.hypertube.auth.oauth;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.AuthProperties.OAuthProvider;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Session;
import com.hypertube.auth.session.SessionCookies;
import com.hypertube.auth.session.Sessions;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.auth.token.TokenHash;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through an OAuth2 provider (authorization-code flow). The browser is sent to the provider with a
 * random {@code state} that is also sealed in a short-lived cookie; the callback must bring both back.
 * Callbacks end in a redirect to the UI: home when signed in, the completion form with a sealed ticket when
 * details are missing, the sign-in page with an {@code error} otherwise.
 */
@RestController
@RequestMapping("/api/auth/oauth")
class OAuthController {

    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);
    private static final Duration STATE_TTL = Duration.ofMinutes(10);
    private static final Duration TICKET_TTL = Duration.ofMinutes(15);

    private final AuthProperties properties;
    private final ProviderClient client;
    private final OAuthLogins logins;
    private final OAuthIdentities identities;
    private final AccessTokens tokens;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final String publicUrl;

    OAuthController(
            AuthProperties properties,
            ProviderClient client,
            OAuthLogins logins,
            OAuthIdentities identities,
            AccessTokens tokens,
            Sessions sessions,
            SessionCookies cookies) {
        this.properties = properties;
        this.client = client;
        this.logins = logins;
        this.identities = identities;
        this.tokens = tokens;
        this.sessions = sessions;
        this.cookies = cookies;
        this.publicUrl = properties.publicBase();
    }

    /** The providers the UI may show a button for. */
    @GetMapping("/providers")
    List<String> providers() {
        return properties.oauth().entrySet().stream()
                .filter(entry -> entry.getValue().enabled())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Starts a sign-in. A signed-in user (access cookie or header) links the provider account to theirs
     * instead.
     */
    @GetMapping("/{provider}/authorize")
    ResponseEntity<Void> authorize(@PathVariable String provider, @Parameter(hidden = true) Optional<Caller> caller) {
        OAuthProvider settings = enabled(provider);
        String state = TokenHash.newSecret();
        Map<String, String> sealed = new HashMap<>();
        sealed.put("state", state);
        sealed.put("provider", provider);
        caller.filter(Caller::isUser)
                .ifPresent(user -> sealed.put("link", user.requireUser().toString()));
        URI location = UriComponentsBuilder.fromUri(settings.authorizationUri())
                .queryParam("response_type", "code")
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", callbackUri(provider))
                .queryParam("scope", String.join(" ", Objects.requireNonNullElse(settings.scopes(), List.of())))
                .queryParam("state", state)
                .encode()
                .build()
                .toUri();
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(location)
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookies.oauthState(tokens.seal("oauth-state", sealed, STATE_TTL), STATE_TTL)
                                .toString())
                .build();
    }

    @GetMapping("/{provider}/callback")
    ResponseEntity<Void> callback(
            @PathVariable String provider,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @CookieValue(name = SessionCookies.OAUTH_STATE, required = false) String stateCookie,
            HttpServletRequest http) {
        OAuthProvider settings = enabled(provider);
        Optional<Map<String, Object>> expected =
                Optional.ofNullable(stateCookie).flatMap(c -> tokens.open("oauth-state", c));
        if (error != null) {
            return toUi("/signin?error=oauth-denied", new HttpHeaders());
        }
        if (code == null
                || state == null
                || expected.isEmpty()
                || !provider.equals(expected.get().get("provider"))
                || !constantTimeEquals(state, String.valueOf(expected.get().get("state")))) {
            return toUi("/signin?error=oauth-state", new HttpHeaders());
        }
        ProviderUser providerUser;
        try {
            String accessToken = client.exchange(settings, code, callbackUri(provider));
            providerUser = client.user(provider, settings, accessToken);
        } catch (ProviderClient.ProviderException e) {
            log.warn("OAuth sign-in with {} failed: {}", provider, e.getMessage());
            return toUi("/signin?error=oauth-provider", new HttpHeaders());
        }
        UUID linkTo = Optional.ofNullable(expected.get().get("link"))
                .map(Object::toString)
                .map(UUID::fromString)
                .orElse(null);
        return switch (logins.arrive(providerUser, linkTo, RequestOrigin.of(http))) {
            case OAuthLogins.Outcome.SignedIn signedIn -> toUi("/", sessions.openInCookies(signedIn.user()));
            case OAuthLogins.Outcome.Linked linked -> toUi("/profile?linked=" + provider, new HttpHeaders());
            case OAuthLogins.Outcome.AlreadyLinked taken ->
                toUi("/profile?error=oauth-already-linked", new HttpHeaders());
            case OAuthLogins.Outcome.NeedsDetails needs ->
                toUi("/sign-up/complete#ticket=" + ticket(needs.providerUser()), new HttpHeaders());
        };
    }

    /** What the provider gave, for pre-filling the completion form. */
    @GetMapping("/ticket")
    Map<String, Object> ticket(@RequestParam String ticket) {
        return openTicket(ticket);
    }

    @PostMapping("/complete")
    ResponseEntity<Session> complete(@Valid @RequestBody CompleteSignUp details, HttpServletRequest http) {
        Map<String, Object> ticket = openTicket(details.ticket());
        ProviderUser providerUser = new ProviderUser(
                String.valueOf(ticket.get("provider")), String.valueOf(ticket.get("subject")), null, null, null, null);
        return switch (logins.finish(providerUser, details, RequestOrigin.of(http))) {
            case OAuthLogins.Outcome.SignedIn signedIn -> sessions.open(signedIn.user(), HttpStatus.CREATED);
            default ->
                throw ProblemTypes.error(
                        HttpStatus.CONFLICT,
                        "oauth-already-linked",
                        "This provider account already has a Hypertube account: sign in with it.");
        };
    }

    /** The providers linked to the caller's account. */
    @GetMapping("/linked")
    List<String> linked(Caller caller) {
        return caller.isUser() ? identities.providersOf(caller.requireUser()) : List.of();
    }

    private String ticket(ProviderUser user) {
        Map<String, String> content = new HashMap<>();
        content.put("provider", user.provider());
        content.put("subject", user.subject());
        putIfPresent(content, "username", user.login());
        putIfPresent(content, "email", user.email());
        putIfPresent(content, "firstName", user.firstName());
        putIfPresent(content, "lastName", user.lastName());
        return tokens.seal("signup", content, TICKET_TTL);
    }

    private Map<String, Object> openTicket(String ticket) {
        return tokens.open("signup", ticket)
                .orElseThrow(() -> ProblemTypes.error(
                        HttpStatus.BAD_REQUEST,
                        "oauth-ticket-invalid",
                        "This sign-up ticket is invalid or expired: sign in with the provider again."));
    }

    private OAuthProvider enabled(String provider) {
        OAuthProvider settings = properties.oauth().get(provider);
        if (settings == null || !settings.enabled()) {
            throw ProblemTypes.error(
                    HttpStatus.NOT_FOUND,
                    "oauth-provider-unknown",
                    "No sign-in provider is configured under this name.");
        }
        return settings;
    }

    private URI callbackUri(String provider) {
        return URI.create(publicUrl + "/api/auth/oauth/" + provider + "/callback");
    }

    private ResponseEntity<Void> toUi(String path, HttpHeaders headers) {
        headers.add(HttpHeaders.SET_COOKIE, cookies.clearOauthState().toString());
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(publicUrl + path))
                .headers(headers)
                .build();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
