package com.hypertube.auth.token;

import java.util.Set;
import java.util.UUID;

/**
 * Who a verified access token speaks for: a user (scope {@code user}) or an API client (scope
 * {@code read}, no user).
 */
public record Caller(UUID userId, String name, Set<String> scopes) {

    public static final String USER_SCOPE = "user";
    public static final String READ_SCOPE = "read";

    public boolean isUser() {
        return userId != null && scopes.contains(USER_SCOPE);
    }
}
