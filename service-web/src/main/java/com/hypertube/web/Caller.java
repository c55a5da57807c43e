package com.hypertube.web;

import com.hypertube.contract.Roles;
import com.hypertube.contract.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, as verified by {@link AccessTokenFilter}: a user (scope {@code user}, with a user id) or an
 * API client (scope {@code read}, a client id and no user). Every guarded request has one; a controller takes
 * it as a parameter. "Nobody identified" never reaches a controller, so it can never mean "everyone's".
 *
 * @param userId the user, empty for an API client
 * @param clientId the API client, null for a user
 * @param name the username, or the client's id
 * @param scopes what the token may do: {@code user} (everything a user may) or {@code read} (GET and HEAD)
 * @param roles what the user is besides a user: {@code admin}
 */
public record Caller(Optional<UUID> userId, String clientId, String name, Set<String> scopes, Set<String> roles) {

    public static final String USER_SCOPE = Scopes.USER;
    public static final String READ_SCOPE = Scopes.READ;
    public static final String ADMIN_ROLE = Roles.ADMIN;

    /** The request attribute holding the verified caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    /** The caller of a request that went through the guard; empty on a public path. */
    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    public boolean isUser() {
        return userId.isPresent() && scopes.contains(USER_SCOPE);
    }

    public boolean isAdmin() {
        return isUser() && roles.contains(ADMIN_ROLE);
    }

    /** Whether the token may change things (POST, PUT, PATCH, DELETE): a user's, not a read-only client's. */
    public boolean mayWrite() {
        return scopes.contains(USER_SCOPE);
    }

    /** The user behind the caller; an API client (no user) gets a 403 problem. */
    public UUID requireUser() {
        if (!isUser()) {
            throw ProblemTypes.error(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "forbidden",
                    "This needs a signed-in user, not an API client.");
        }
        return userId.orElseThrow();
    }

    /**
     * Refuses with a 403 problem ({@code forbidden}) unless the caller is an administrator (the first account
     * and {@code HYPERTUBE_ADMINS}).
     */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw ProblemTypes.error(
                    org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Only an administrator may do this.");
        }
    }

    /** Whether this caller is one of these users (an API client is nobody's). */
    public boolean isAnyOf(Collection<UUID> users) {
        return userId.map(users::contains).orElse(false);
    }

    /** Whether this caller may see or change what these users asked for: one of them, or an admin. */
    public boolean mayAccess(Collection<UUID> owners) {
        return isAnyOf(owners) || isAdmin();
    }
}
