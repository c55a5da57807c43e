package com.hypertube.auth.apiclient;

import com.hypertube.contract.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The other Hypertube services, as OAuth2 clients of their own (client credentials, scope {@code service}), for
 * work no user asked for — a sync reading another service. Configured by the operator, never registered through
 * the API: {@code SERVICE_CLIENTS=media-service=<secret>,source-service=<secret>}, each service given its own
 * secret as {@code SERVICE_CLIENT_SECRET}. An entry with an empty secret is no client; a secret shorter than
 * 24 characters stops the service at start: a guessable one would be a key to every service's data.
 */
@Component
class ServiceClients {

    static final int MIN_SECRET_LENGTH = 24;

    private final Map<String, byte[]> secrets = new HashMap<>();

    ServiceClients(@Value("${hypertube.auth.service-clients:}") List<String> entries) {
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name =
                    equals < 0 ? entry.strip() : entry.substring(0, equals).strip();
            String secret = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (equals > 0 && secret.isEmpty()) {
                continue; // "media-service=" with its secret unset (compose's default): that service has no client
            }
            if (!name.matches("[a-z][a-z0-9-]{1,40}") || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("SERVICE_CLIENTS: each entry is <service name>=<secret of at least "
                        + MIN_SECRET_LENGTH + " characters>; '" + name + "' is not");
            }
            secrets.put(name, secret.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The scopes of a service that proved its secret; empty for anything else. */
    Optional<Set<String>> authenticate(String clientId, String secret) {
        byte[] expected = secrets.get(clientId);
        if (expected == null || secret == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8))
                ? Optional.of(Set.of(Scopes.SERVICE))
                : Optional.empty();
    }
}
