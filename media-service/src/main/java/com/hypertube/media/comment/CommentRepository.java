package com.hypertube.media.comment;

import com.hypertube.media.comment.CommentViews.Comment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Comment insert(UUID title, UUID author, String username, String body, Instant now) {
        return jdbc.sql("INSERT INTO comments (id, title_id, author_id, author_name, body, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *")
                .params(UUID.randomUUID(), title, author, username, body, Timestamp.from(now), Timestamp.from(now))
                .query(CommentRepository::map)
                .single();
    }

    Optional<Comment> find(UUID id) {
        return jdbc.sql("SELECT * FROM comments WHERE id = ?")
                .param(id)
                .query(CommentRepository::map)
                .optional();
    }

    /**
     * A title's comments, newest first, after a point for the next page: the last one's date and id (the id
     * breaks ties between comments posted in the same microsecond, so none is skipped).
     */
    List<Comment> ofTitle(UUID title, Instant before, UUID beforeId, int limit) {
        return jdbc.sql("SELECT * FROM comments WHERE title_id = ? AND (created_at, id) < (?, ?)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(title, Timestamp.from(before), beforeId, limit)
                .query(CommentRepository::map)
                .list();
    }

    List<Comment> latest(Instant before, UUID beforeId, int limit) {
        return jdbc.sql("SELECT * FROM comments WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC"
                        + " LIMIT ?")
                .params(Timestamp.from(before), beforeId, limit)
                .query(CommentRepository::map)
                .list();
    }

    Comment update(UUID id, String body, Instant now) {
        return jdbc.sql("UPDATE comments SET body = ?, updated_at = ? WHERE id = ? RETURNING *")
                .params(body, Timestamp.from(now), id)
                .query(CommentRepository::map)
                .single();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM comments WHERE id = ?").param(id).update();
    }

    /** The author's comments show the name they go by now (a username can change). */
    void renameAuthor(UUID author, String username) {
        jdbc.sql("UPDATE comments SET author_name = ? WHERE author_id = ? AND author_name <> ?")
                .params(username, author, username)
                .update();
    }

    static Comment map(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("body"),
                created.toInstant(),
                updated.equals(created) ? null : updated.toInstant());
    }
}
