package com.hypertube.auth.token;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is an administrator: the first account ever created (whoever set Hypertube up) and the usernames in
 * {@code HYPERTUBE_ADMINS} (comma-separated). Decided when a token is issued, so a change takes effect at the
 * user's next refresh (within the access token's 15 minutes).
 */
@Component
public class AdminRole {

    private final JdbcClient jdbc;
    private final Set<String> admins;

    AdminRole(JdbcClient jdbc, @Value("${hypertube.auth.admins:}") List<String> admins) {
        this.jdbc = jdbc;
        this.admins = admins.stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether this username is one HYPERTUBE_ADMINS names: nobody may rename themselves to it (an admin's rights
     * go with the name, so taking it would take them).
     */
    public boolean isListed(String username) {
        return admins.contains(username.toLowerCase(Locale.ROOT));
    }

    boolean isAdmin(UUID userId, String username) {
        if (admins.contains(username.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return jdbc.sql("SELECT id FROM users ORDER BY created_at, id LIMIT 1")
                .query(UUID.class)
                .optional()
                .map(userId::equals)
                .orElse(false);
    }
}
