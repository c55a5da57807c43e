package com.hypertube.auth.apiclient;

import com.hypertube.auth.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered API clients and their hashed secrets. */
@Repository
public class ApiClients {

    /** A client as its owner sees it: never its secret. */
    public record ApiClientView(
            String clientId, String name, java.util.Set<String> scopes, java.time.Instant createdAt) {}

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

    List<ApiClientView> of(UUID ownerId) {
        return jdbc.sql("SELECT client_id, name, scopes, created_at FROM api_clients WHERE owner_id = ?"
                        + " ORDER BY created_at DESC")
                .param(ownerId)
                .query((rs, n) -> new ApiClientView(
                        rs.getString(1),
                        rs.getString(2),
                        Set.copyOf(Arrays.asList(rs.getString(3).split(" "))),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Deletes the owner's client; false when the owner has no such client (another's is as unknown). */
    boolean revoke(UUID ownerId, String clientId) {
        return jdbc.sql("DELETE FROM api_clients WHERE owner_id = ? AND client_id = ?")
                        .params(ownerId, clientId)
                        .update()
                > 0;
    }

    /**
     * Deletes every client of the user: when the password changes or is reset, programs someone else may have
     * registered with the account go too. (A token a client already holds lasts its 15 minutes.)
     */
    public int revokeAll(UUID ownerId) {
        return jdbc.sql("DELETE FROM api_clients WHERE owner_id = ?")
                .param(ownerId)
                .update();
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
