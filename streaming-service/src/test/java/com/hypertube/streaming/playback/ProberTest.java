package com.hypertube.streaming.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.hypertube.streaming.support.Clips;
import com.hypertube.testinfra.RequiresCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real ffprobe on clips the real ffmpeg made: what the decision is built on. */
@RequiresCommand(
        value = {"ffmpeg", "ffprobe"},
        install = "apt-get install ffmpeg")
class ProberTest {

    static final PlaybackProperties SETTINGS = new PlaybackProperties(
            "ffmpeg",
            "ffprobe",
            Duration.ofSeconds(20),
            4,
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            2,
            "software",
            "/dev/dri/renderD128",
            "ultrafast",
            10,
            4L << 30,
            1,
            3);

    private final Prober prober = new Prober(new Ffmpeg(SETTINGS));

    @Test
    void anMp4WithH264AndAac() throws IOException {
        MediaProbe probe = probe(Clips.mp4());

        assertThat(probe.container()).isEqualTo("mp4");
        assertThat(probe.durationSeconds()).isCloseTo(12, within(0.2));
        assertThat(probe.mainVideo().orElseThrow())
                .extracting(MediaProbe.Video::codec, MediaProbe.Video::bitDepth, MediaProbe.Video::width)
                .containsExactly("h264", 8, 320);
        assertThat(probe.mainAudio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(PlaybackDecider.decide(probe, BrowserSupport.SAFE).method()).isEqualTo(PlaybackMethod.DIRECT);
    }

    @Test
    void anMp4WhoseIndexIsAtTheEnd() throws IOException {
        assertThat(probe(Clips.mp4MoovAtEnd()).durationSeconds()).isCloseTo(12, within(0.2));
    }

    @Test
    void aMatroskaFileWithAnEnglishSubtitleTrack() throws IOException {
        MediaProbe probe = probe(Clips.mkvWithSubtitles());

        assertThat(probe.container()).isEqualTo("matroska");
        assertThat(probe.subtitles()).singleElement().satisfies(track -> {
            assertThat(track.codec()).isEqualTo("subrip");
            assertThat(track.language()).isEqualTo("eng");
        });
        assertThat(PlaybackDecider.decide(probe, BrowserSupport.SAFE).method()).isEqualTo(PlaybackMethod.REMUX);
        assertThat(PlaybackDecider.decide(probe, BrowserSupport.from("chromium", null, null, null))
                        .method())
                .isEqualTo(PlaybackMethod.DIRECT);
    }

    @Test
    void tenBitHevcWithSurroundAc3() throws IOException {
        MediaProbe probe = probe(Clips.mkvHevcAc3());

        assertThat(probe.mainVideo().orElseThrow())
                .extracting(MediaProbe.Video::codec, MediaProbe.Video::bitDepth)
                .containsExactly("hevc", 10);
        assertThat(probe.mainAudio().orElseThrow())
                .extracting(MediaProbe.Audio::codec, MediaProbe.Audio::channels)
                .containsExactly("ac3", 6);
        assertThat(PlaybackDecider.decide(probe, BrowserSupport.from("chromium", null, null, null))
                        .method())
                .isEqualTo(PlaybackMethod.TRANSCODE);
    }

    @Test
    void anAvi() throws IOException {
        MediaProbe probe = probe(Clips.avi());

        assertThat(probe.container()).isEqualTo("avi");
        assertThat(probe.mainVideo().orElseThrow().codec()).isEqualTo("mpeg4");
    }

    @Test
    void aTruncatedFileIsUnplayableWithTheReason() {
        assertThatThrownBy(() -> probe(Clips.truncated()))
                .isInstanceOf(UnplayableMediaException.class)
                .hasMessageContaining("ffprobe could not read the file")
                .hasMessageContaining("Invalid data found when processing input")
                .hasMessageNotContaining("/");
    }

    @Test
    void aNameThatLooksLikeAnOptionIsJustAName() throws IOException {
        Path odd = java.nio.file.Files.copy(
                Clips.mp4(), Clips.mp4().resolveSibling("-i.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(probe(odd).container()).isEqualTo("mp4");
    }

    @Test
    void aProbeThatRunsPastItsTimeIsKilled() {
        PlaybackProperties impatient = new PlaybackProperties(
                "ffmpeg",
                "sleep",
                Duration.ofMillis(300),
                4,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                2,
                "software",
                "/dev/dri/renderD128",
                "ultrafast",
                10,
                4L << 30,
                1,
                3);
        Ffmpeg sleeper = new Ffmpeg(impatient);
        long started = System.nanoTime();

        assertThatThrownBy(() -> sleeper.probe(java.util.List.of("30")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private MediaProbe probe(Path file) throws IOException {
        return prober.probe(MediaInput.file(file));
    }
}
