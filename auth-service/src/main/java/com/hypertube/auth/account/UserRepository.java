package com.hypertube.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    /** The account and whether it has an avatar (a primary-key lookup in {@code avatars}). */
    private static final String SELECT_USER =
            "SELECT u.*, EXISTS (SELECT 1 FROM avatars a WHERE a.user_id = u.id) AS has_avatar FROM users u";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when the username or email (whatever their case) is taken. */
    void insert(User user) {
        jdbc.sql("INSERT INTO users (id, username, email, first_name, last_name, password_hash, preferred_language)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        user.id(),
                        user.username(),
                        user.email(),
                        user.firstName(),
                        user.lastName(),
                        user.passwordHash(),
                        user.preferredLanguage())
                .update();
    }

    /** Throws DuplicateKeyException when the new username or email is taken. */
    void update(User user) {
        jdbc.sql("UPDATE users SET username = ?, email = ?, first_name = ?, last_name = ?, password_hash = ?,"
                        + " preferred_language = ?, updated_at = now() WHERE id = ?")
                .params(
                        user.username(),
                        user.email(),
                        user.firstName(),
                        user.lastName(),
                        user.passwordHash(),
                        user.preferredLanguage(),
                        user.id())
                .update();
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql(SELECT_USER + " WHERE u.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql(SELECT_USER + " WHERE lower(u.username) = lower(?)")
                .param(username)
                .query(this::map)
                .optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql(SELECT_USER + " WHERE lower(u.email) = lower(?)")
                .param(email)
                .query(this::map)
                .optional();
    }

    public boolean usernameTaken(String username) {
        return findByUsername(username).isPresent();
    }

    public boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    List<User> page(int offset, int size) {
        return jdbc.sql(SELECT_USER + " ORDER BY lower(u.username) LIMIT ? OFFSET ?")
                .params(size, offset)
                .query(this::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    private User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("password_hash"),
                rs.getString("preferred_language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("has_avatar"));
    }
}
