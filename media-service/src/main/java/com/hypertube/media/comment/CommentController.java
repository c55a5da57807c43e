package com.hypertube.media.comment;

import com.hypertube.media.comment.CommentViews.Comment;
import com.hypertube.media.comment.CommentViews.CommentText;
import com.hypertube.media.comment.CommentViews.NewComment;
import com.hypertube.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments on films and series. Each path answers under {@code /api} (the web app) and at the subject's public
 * API path (without it): one controller, the same rules.
 */
@RestController
class CommentController {

    private final Comments comments;

    CommentController(Comments comments) {
        this.comments = comments;
    }

    @Operation(summary = "Comment on a film or series")
    @PostMapping({"/api/movies/{id}/comments", "/api/shows/{id}/comments", "/movies/{id}/comments"})
    ResponseEntity<Comment> post(Caller caller, @PathVariable UUID id, @Valid @RequestBody CommentText text) {
        return created(comments.post(caller, id, text.comment()));
    }

    @Operation(summary = "Comment on a film or series named in the body")
    @PostMapping({"/api/comments", "/comments"})
    ResponseEntity<Comment> postWithTitle(Caller caller, @Valid @RequestBody NewComment comment) {
        return created(comments.post(caller, comment.movieId(), comment.comment()));
    }

    @Operation(
            summary = "A film's or series' comments, newest first",
            description = "50 at a time; for the next page, pass the last one's date as before and its id as beforeId.")
    @GetMapping({"/api/movies/{id}/comments", "/api/shows/{id}/comments", "/movies/{id}/comments"})
    List<Comment> ofTitle(
            @PathVariable UUID id,
            @RequestParam(required = false) Instant before,
            @RequestParam(required = false) UUID beforeId) {
        return comments.ofTitle(id, before, beforeId);
    }

    @Operation(summary = "The latest comments on any title")
    @GetMapping({"/api/comments", "/comments"})
    List<Comment> latest(
            @RequestParam(required = false) Instant before, @RequestParam(required = false) UUID beforeId) {
        return comments.latest(before, beforeId);
    }

    @Operation(summary = "A comment")
    @GetMapping({"/api/comments/{id}", "/comments/{id}"})
    Comment get(@PathVariable UUID id) {
        return comments.get(id);
    }

    @Operation(summary = "Edit one's own comment")
    @PatchMapping({"/api/comments/{id}", "/comments/{id}"})
    Comment edit(Caller caller, @PathVariable UUID id, @Valid @RequestBody CommentText text) {
        return comments.edit(caller, id, text.comment());
    }

    @Operation(summary = "Delete one's own comment (an administrator may delete any)")
    @DeleteMapping({"/api/comments/{id}", "/comments/{id}"})
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        comments.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Comment> created(Comment comment) {
        return ResponseEntity.created(URI.create("/api/comments/" + comment.id()))
                .body(comment);
    }
}
