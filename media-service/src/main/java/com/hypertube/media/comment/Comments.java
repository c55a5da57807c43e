package com.hypertube.media.comment;

import com.hypertube.media.MediaProperties;
import com.hypertube.media.catalog.CatalogService;
import com.hypertube.media.comment.CommentViews.Comment;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Posting, editing and deleting comments. The author is whoever the token says, never the body; only the
 * author edits; the author or an administrator deletes. The text is kept as the user wrote it (trimmed, control
 * characters but line breaks and tabs removed): it is data, escaped by whoever displays it.
 */
@Service
public class Comments {

    static final int PAGE = 50;
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cs}\\x{FFFE}\\x{FFFF}]");

    private final CommentRepository comments;
    private final CatalogService catalog;
    private final InstantSource clock;
    private final int maxLength;

    Comments(CommentRepository comments, CatalogService catalog, InstantSource clock, MediaProperties properties) {
        this.comments = comments;
        this.catalog = catalog;
        this.clock = clock;
        this.maxLength = properties.comments().maxLength();
    }

    public Comment post(Caller caller, UUID title, String text) {
        UUID author = caller.requireUser();
        String body = clean(text);
        if (!catalog.exists(title)) {
            throw ProblemTypes.error(HttpStatus.NOT_FOUND, "title-not-found", "No film or series has this id.");
        }
        comments.renameAuthor(author, caller.name());
        return comments.insert(title, author, caller.name(), body, clock.instant());
    }

    public Comment get(UUID id) {
        return comments.find(id).orElseThrow(Comments::notFound);
    }

    public List<Comment> ofTitle(UUID title, Instant before, UUID beforeId) {
        if (!catalog.exists(title)) {
            throw ProblemTypes.error(HttpStatus.NOT_FOUND, "title-not-found", "No film or series has this id.");
        }
        return comments.ofTitle(title, before == null ? FAR_FUTURE : before, afterAll(before, beforeId), PAGE);
    }

    public List<Comment> latest(Instant before, UUID beforeId) {
        return comments.latest(before == null ? FAR_FUTURE : before, afterAll(before, beforeId), PAGE);
    }

    // Without the last comment's id, every comment of that instant counts as after it (the page resumes at the
    // date alone, as before ids were asked for).
    private static UUID afterAll(Instant before, UUID beforeId) {
        return beforeId != null && before != null ? beforeId : new UUID(0, 0);
    }

    public Comment edit(Caller caller, UUID id, String text) {
        UUID user = caller.requireUser();
        Comment comment = get(id);
        if (!comment.authorId().equals(user)) {
            throw ProblemTypes.error(HttpStatus.FORBIDDEN, "not-your-comment", "Only its author may edit a comment.");
        }
        String body = clean(text);
        comments.renameAuthor(user, caller.name());
        return comments.update(id, body, clock.instant());
    }

    public void delete(Caller caller, UUID id) {
        UUID user = caller.requireUser();
        Comment comment = get(id);
        if (!comment.authorId().equals(user) && !caller.isAdmin()) {
            throw ProblemTypes.error(
                    HttpStatus.FORBIDDEN, "not-your-comment", "Only its author or an administrator may delete it.");
        }
        comments.delete(id);
    }

    private String clean(String text) {
        String body = text == null ? "" : CONTROL.matcher(text).replaceAll("").strip();
        if (body.isEmpty()) {
            throw ProblemTypes.error(HttpStatus.BAD_REQUEST, "invalid-comment", "A comment needs some text.");
        }
        if (body.codePointCount(0, body.length()) > maxLength) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-comment",
                    "A comment is at most " + maxLength + " characters long.");
        }
        return body;
    }

    private static RuntimeException notFound() {
        return ProblemTypes.error(HttpStatus.NOT_FOUND, "comment-not-found", "No comment has this id.");
    }
}
