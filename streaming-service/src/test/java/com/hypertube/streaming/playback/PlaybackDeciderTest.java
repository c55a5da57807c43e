package com.hypertube.streaming.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision ladder as a table: file × browser → method, and the reason a user reads. */
class PlaybackDeciderTest {

    @ParameterizedTest(name = "{0} {1}/{2} {3}-bit in {4} → {5}")
    @CsvSource({
        // container, video, audio, bit depth, browser profile, expected method, words in the reason
        "mp4,      h264, aac,    8,  safe,     direct,          MP4 with H.264 video and AAC audio: plays as it is",
        "matroska, h264, aac,    8,  chromium, direct,          Matroska (MKV) with H.264",
        "matroska, h264, aac,    8,  safe,     remux,           Matroska (MKV) container: repackaging as MP4",
        "matroska, h264, aac,    8,  firefox,  remux,           nothing is re-encoded",
        "mp4,      h264, ac3,    8,  chromium, audio-transcode, AC-3 (Dolby Digital) audio: converting to AAC",
        "mp4,      h264, ac3,    8,  safari,   direct,          plays as it is",
        "matroska, h264, dts,    8,  chromium, audio-transcode, DTS audio: converting to AAC",
        "matroska, hevc, ac3,    10, chromium, transcode,       HEVC 10-bit video: converting to H.264",
        "mp4,      hevc, aac,    10, safari,   direct,          HEVC 10-bit video",
        "matroska, hevc, aac,    8,  safari,   remux,           repackaging as MP4",
        "matroska, h264, aac,    10, chromium, transcode,       H.264 10-bit video: converting to H.264",
        "avi,      mpeg4, mp3,   8,  chromium, transcode,       MPEG-4 Part 2 (DivX/Xvid) video: converting to H.264",
        "webm,     vp9,  opus,   8,  firefox,  direct,          WebM with VP9 video and Opus audio",
        "webm,     vp9,  opus,   8,  safe,     transcode,       VP9 video: converting to H.264",
        "matroska, vp8,  vorbis, 8,  chromium, transcode,       VP8 video: converting to H.264",
        "matroska, h264, vorbis, 8,  firefox,  audio-transcode, Matroska (MKV) container with Vorbis audio",
    })
    void decides(
            String container, String video, String audio, int bitDepth, String profile, String method, String reason) {
        MediaProbe probe = probe(container, video, audio, bitDepth);

        PlaybackDecision decision = PlaybackDecider.decide(probe, BrowserSupport.from(profile, null, null, null));

        assertThat(decision.method().slug()).isEqualTo(method);
        assertThat(String.join(" ", decision.reasons())).contains(reason);
    }

    @Test
    void aTranscodeSaysWhenTheAudioIsConvertedToo() {
        PlaybackDecision decision =
                PlaybackDecider.decide(probe("matroska", "hevc", "truehd", 10), BrowserSupport.SAFE);

        assertThat(decision.reasons())
                .containsExactly("HEVC 10-bit video: converting to H.264.", "Dolby TrueHD audio: converting to AAC.");
    }

    @Test
    void theBrowsersOwnListsReplaceTheProfiles() {
        BrowserSupport withHevc = BrowserSupport.from("chromium", null, "h264,hevc", null);

        assertThat(PlaybackDecider.decide(probe("matroska", "hevc", "aac", 10), withHevc)
                        .method())
                .isEqualTo(PlaybackMethod.DIRECT);
    }

    @Test
    void withoutAnAudioTrackTheVideoAloneDecides() {
        MediaProbe silent = new MediaProbe("matroska", 60, 0, List.of(video("h264", 8)), List.of(), List.of());

        assertThat(PlaybackDecider.decide(silent, BrowserSupport.SAFE).method()).isEqualTo(PlaybackMethod.REMUX);
    }

    @Test
    void aFileWithoutVideoIsNotPlayable() {
        MediaProbe music = new MediaProbe("mp4", 60, 0, List.of(), List.of(audio("aac")), List.of());

        assertThatThrownBy(() -> PlaybackDecider.decide(music, BrowserSupport.SAFE))
                .isInstanceOf(UnplayableMediaException.class)
                .hasMessage("the file has no video track");
    }

    @Test
    void unknownNamesAreRefusedRatherThanMeaningTranscodeEverything() {
        assertThatThrownBy(() -> BrowserSupport.from("netscape", null, null, null))
                .hasMessageContaining("Unknown browser profile 'netscape'");
        assertThatThrownBy(() -> BrowserSupport.from(null, null, "h264,h.265", null))
                .hasMessageContaining("Unknown video codec 'h.265'");
        assertThatThrownBy(() -> BrowserSupport.from(null, "a,b,c,d,e,f,g,h", null, null))
                .hasMessageContaining("Too many container names");
    }

    @Test
    void onlyFilesThatPlayInEveryBrowserNeedNoCopy() {
        assertThat(PlaybackDecider.playsEverywhere(probe("mp4", "h264", "aac", 8)))
                .isTrue();
        assertThat(PlaybackDecider.playsEverywhere(probe("matroska", "h264", "aac", 8)))
                .isFalse();
        assertThat(PlaybackDecider.playsEverywhere(probe("mp4", "h264", "ac3", 8)))
                .isFalse();
    }

    private static MediaProbe probe(String container, String video, String audio, int bitDepth) {
        return new MediaProbe(
                container, 5400, 4_000_000, List.of(video(video, bitDepth)), List.of(audio(audio)), List.of());
    }

    private static MediaProbe.Video video(String codec, int bitDepth) {
        return new MediaProbe.Video(0, codec, "", 40, 1280, 720, bitDepth, bitDepth > 8 ? "yuv420p10le" : "yuv420p");
    }

    private static MediaProbe.Audio audio(String codec) {
        return new MediaProbe.Audio(1, codec, "", 6, "eng", true);
    }
}
