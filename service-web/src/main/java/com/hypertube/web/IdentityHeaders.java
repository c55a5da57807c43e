package com.hypertube.web;

import java.util.List;

/**
 * The headers in which the gateway passes a verified identity on to the services. Only the gateway sets
 * them (it removes whatever a client sent); a service takes them as the identity only when its token check
 * is set to trust them ({@code hypertube.security.identity-from=headers}, tests), and otherwise only checks
 * that {@link #USER_ID} agrees with the token.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-User-Id";
    public static final String CLIENT_ID = "X-Client-Id";
    public static final String USER_NAME = "X-User-Name";
    public static final String SCOPE = "X-Token-Scope";
    public static final String ROLES = "X-User-Roles";

    public static final List<String> ALL = List.of(USER_ID, CLIENT_ID, USER_NAME, SCOPE, ROLES);

    private IdentityHeaders() {}
}
