package com.hypertube.contract;

import java.util.List;

/**
 * The headers in which the gateway passes a verified identity on to the services. Only the gateway sets them
 * (it removes whatever a client sent under these names); a service checks that {@link #USER_ID} agrees with
 * the token it verifies itself, and takes them as the identity only in its own tests.
 */
public final class IdentityHeaders {

    /** A user's id (a UUID). */
    public static final String USER_ID = "X-User-Id";

    /** An API client's id, for a client's token (it has no user). */
    public static final String CLIENT_ID = "X-Client-Id";

    public static final String USER_NAME = "X-User-Name";

    /** The token's scopes, space-separated ({@link Scopes}). */
    public static final String SCOPE = "X-Token-Scope";

    /** The user's roles, comma-separated ({@link Roles}). */
    public static final String ROLES = "X-User-Roles";

    public static final List<String> ALL = List.of(USER_ID, CLIENT_ID, USER_NAME, SCOPE, ROLES);

    private IdentityHeaders() {}
}
