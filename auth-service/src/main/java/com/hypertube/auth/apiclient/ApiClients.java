package com.hypertube.auth.apiclient;

import com.hypertube.auth.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered API clients and their hashed secrets. */
@Repository
class ApiClients {

    /** What an API client may do: read the catalog and public profiles. */
    static final Set<String> SCOPES = Set.of("read");

    private final JdbcClient jdbc;

    ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiClientCreated create(UUID ownerId, String name) {
        String clientId = "htc_" + UUID.randomUUID().toString().replace("-", "");
        String secret = TokenHash.newSecret();
        jdbc.sql("INSERT INTO api_clients (client_id, secret_hash, name, owner_id, scopes) VALUES (?, ?, ?, ?, ?)")
                .params(clientId, TokenHash.of(secret), name, ownerId, String.join(" ", SCOPES))
                .update();
        return new ApiClientCreated(clientId, secret, name, SCOPES);
    }

    /** The client's scopes if the secret is right. */
    Optional<Set<String>> authenticate(String clientId, String secret) {
        return jdbc.sql("SELECT secret_hash, scopes FROM api_clients WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> MessageDigest.isEqual(
                                rs.getString(1).getBytes(StandardCharsets.US_ASCII),
                                TokenHash.of(secret).getBytes(StandardCharsets.US_ASCII))
                        ? Set.copyOf(Arrays.asList(rs.getString(2).split(" ")))
                        : null)
                .optional();
    }
}
