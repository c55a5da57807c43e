package com.hypertube.streaming.playback;

import java.util.List;

/**
 * How a file plays in one browser, and why, in words a user understands ("HEVC video: converting to
 * H.264"): the web app shows the reasons while the first segment is on its way.
 */
public record PlaybackDecision(PlaybackMethod method, List<String> reasons) {
    public PlaybackDecision {
        reasons = List.copyOf(reasons);
    }
}
