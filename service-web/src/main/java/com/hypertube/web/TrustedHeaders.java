package com.hypertube.web;

import com.hypertube.contract.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The identity taken from the gateway's {@link IdentityHeaders} without a token: only with
 * {@code hypertube.security.identity-from=headers}, which the services' own integration tests use to act as
 * different users without an auth service. Anything else in production: a service would believe whoever
 * can reach its port.
 */
final class TrustedHeaders {

    private TrustedHeaders() {}

    static Optional<Caller> identify(HttpServletRequest request) {
        Set<String> scopes = split(request.getHeader(IdentityHeaders.SCOPE));
        String user = request.getHeader(IdentityHeaders.USER_ID);
        String client = request.getHeader(IdentityHeaders.CLIENT_ID);
        if (user != null) {
            UUID id;
            try {
                id = UUID.fromString(user);
            } catch (IllegalArgumentException notAUser) {
                return Optional.empty();
            }
            String name = Optional.ofNullable(request.getHeader(IdentityHeaders.USER_NAME))
                    .orElse(user);
            return Optional.of(new Caller(
                    Optional.of(id),
                    null,
                    name,
                    scopes.isEmpty() ? Set.of(Caller.USER_SCOPE) : scopes,
                    split(request.getHeader(IdentityHeaders.ROLES))));
        }
        if (client != null) {
            return Optional.of(new Caller(Optional.empty(), client, client, Set.of(Caller.READ_SCOPE), Set.of()));
        }
        return Optional.empty();
    }

    private static Set<String> split(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split("[ ,]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
