package com.hypertube.streaming.subtitles;

import com.hypertube.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: OpenSubtitles' daily download quota, as it last said (downloads left, when it resets). */
@RestController
class SubtitleQuotaController {

    private final OpenSubtitlesClient openSubtitles;

    SubtitleQuotaController(OpenSubtitlesClient openSubtitles) {
        this.openSubtitles = openSubtitles;
    }

    @Operation(summary = "OpenSubtitles' daily download quota: downloads left, and until when they are spent (admin)")
    @GetMapping("/api/stream/subtitles/quota")
    OpenSubtitlesClient.Quota quota(Caller caller) {
        caller.requireAdmin();
        return openSubtitles.quota();
    }
}
