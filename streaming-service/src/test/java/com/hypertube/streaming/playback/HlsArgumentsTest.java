package com.hypertube.streaming.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run's timestamps are kept on the film's timeline: moved for a transcode, the file's own for a copy. */
class HlsArgumentsTest {

    private static final MediaProbe HEVC = new MediaProbe(
            "matroska",
            600,
            4_000_000,
            List.of(new MediaProbe.Video(0, "hevc", "Main 10", 120, 1280, 720, 10, "yuv420p10le")),
            List.of(new MediaProbe.Audio(1, "ac3", null, 6, "eng", true)),
            List.of());

    private static List<String> run(PlaybackMethod method, int firstSegment) {
        return HlsArguments.of(
                HEVC,
                method,
                MediaInput.file(Path.of("/films/film.mkv")),
                firstSegment,
                Path.of("/tmp/run-0"),
                ProberTest.SETTINGS,
                "libx264");
    }

    private static String after(List<String> arguments, String option) {
        return arguments.get(arguments.indexOf(option) + 1);
    }

    @Test
    void aTranscodeFromLateInTheFilmIsMovedToItsTimeNotGivenTheFilesOwnTimestamps() {
        List<String> late = run(PlaybackMethod.TRANSCODE, 10);
        int segment = ProberTest.SETTINGS.segmentSeconds();

        // With -copyts, ffmpeg's HLS muxer cut such a run's first segment at 10 s rather than at the grid's 4.
        assertThat(late).doesNotContain("-copyts");
        assertThat(after(late, "-ss")).isEqualTo(String.valueOf(10 * segment));
        assertThat(after(late, "-output_ts_offset")).isEqualTo(String.valueOf(10 * segment));
        assertThat(after(late, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*" + segment + ")");
        assertThat(run(PlaybackMethod.TRANSCODE, 0)).doesNotContain("-ss", "-output_ts_offset", "-copyts");
    }

    @Test
    void copiedVideoKeepsTheFilesOwnTimestampsForItStartsAtTheKeyframeBefore() {
        List<String> late = run(PlaybackMethod.REMUX, 10);

        assertThat(late).contains("-copyts").doesNotContain("-output_ts_offset", "-force_key_frames");
        assertThat(after(late, "-c:v")).isEqualTo("copy");
    }
}
