package com.hypertube.auth.oauth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which provider accounts are linked to which of ours. */
@Repository
class OAuthIdentities {

    private final JdbcClient jdbc;

    OAuthIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> userOf(String provider, String subject) {
        return jdbc.sql("SELECT user_id FROM oauth_identities WHERE provider = ? AND subject = ?")
                .params(provider, subject)
                .query(UUID.class)
                .optional();
    }

    /** Links, unless this provider account is already linked (to anyone): then false. */
    boolean link(String provider, String subject, UUID userId) {
        return jdbc.sql(
                                "INSERT INTO oauth_identities (provider, subject, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(provider, subject, userId)
                        .update()
                == 1;
    }

    List<String> providersOf(UUID userId) {
        return jdbc.sql("SELECT provider FROM oauth_identities WHERE user_id = ? ORDER BY provider")
                .param(userId)
                .query(String.class)
                .list();
    }
}
