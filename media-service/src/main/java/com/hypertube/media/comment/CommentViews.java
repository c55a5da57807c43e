package com.hypertube.media.comment;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** What the comment endpoints take and answer. */
public final class CommentViews {

    private CommentViews() {}

    /**
     * A comment as everyone sees it. {@code content} is plain text: no client of ours renders it as HTML.
     *
     * @param movieId the film or series it is about
     * @param username the author's username when they wrote it
     * @param date when it was posted
     * @param editedAt when it was last edited, or null
     */
    public record Comment(
            UUID id, UUID movieId, UUID authorId, String username, String content, Instant date, Instant editedAt) {}

    /** A new comment on a title given in the path, or an edit. */
    public record CommentText(@NotNull String comment) {}

    /** A new comment with its title in the body (the public API's {@code POST /comments}). */
    public record NewComment(@NotNull UUID movieId, @NotNull String comment) {}
}
