package com.hypertube.auth.avatar;

import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Avatars: uploaded as a file (multipart {@code file}, at most 2 MB), never fetched from a URL a user
 * gives (that would let anyone make us call any address).
 */
@RestController
@RequestMapping("/api/users")
class AvatarController {

    private final JdbcClient jdbc;

    AvatarController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @PutMapping(path = "/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> upload(Caller caller, @RequestPart("file") MultipartFile file) throws IOException {
        UUID userId = caller.requireUser();
        byte[] png = AvatarImages.reencode(file.getBytes());
        jdbc.sql("INSERT INTO avatars (user_id, image) VALUES (?, ?)"
                        + " ON CONFLICT (user_id) DO UPDATE SET image = EXCLUDED.image, updated_at = now()")
                .params(userId, png)
                .update();
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/me/avatar")
    ResponseEntity<Void> remove(Caller caller) {
        jdbc.sql("DELETE FROM avatars WHERE user_id = ?")
                .param(caller.requireUser())
                .update();
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/{id}/avatar", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> avatar(Caller caller, @PathVariable UUID id) {
        byte[] image = jdbc.sql("SELECT image FROM avatars WHERE user_id = ?")
                .param(id)
                .query(byte[].class)
                .optional()
                .orElseThrow(
                        () -> ProblemTypes.error(HttpStatus.NOT_FOUND, "avatar-not-found", "This user has no avatar."));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(image);
    }
}
