package com.hypertube.streaming.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.hypertube.testinfra.RequiresCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hardware encoder is used only where it works: this machine's ffmpeg lists {@code h264_nvenc}, {@code h264_vaapi}
 * and {@code h264_qsv} (Debian builds them in) but has no GPU, so each configured one must fall back to libx264 —
 * choosing it from the list alone would make every transcode fail.
 */
@RequiresCommand(value = "ffmpeg", install = "apt-get install ffmpeg")
class HardwareEncoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"nvenc", "vaapi", "qsv"})
    void aConfiguredHardwareEncoderThatCannotEncodeHereFallsBackToSoftware(String encoder) {
        assumeFalse(
                Files.exists(Path.of("/dev/dri")) || Files.exists(Path.of("/dev/nvidia0")),
                "a GPU is visible here: the hardware encoder may well work");

        assertThat(new Ffmpeg(with(encoder)).h264Encoder()).isEqualTo("libx264");
    }

    @ParameterizedTest
    @ValueSource(strings = "software")
    void softwareIsLibx264WithoutTryingAnything(String encoder) {
        assertThat(new Ffmpeg(with(encoder)).h264Encoder()).isEqualTo("libx264");
    }

    private static PlaybackProperties with(String encoder) {
        PlaybackProperties base = ProberTest.SETTINGS;
        return new PlaybackProperties(
                base.ffmpeg(),
                base.ffprobe(),
                base.probeTimeout(),
                base.segmentSeconds(),
                base.segmentTimeout(),
                base.idleStop(),
                base.maxLiveProcesses(),
                encoder,
                base.vaapiDevice(),
                base.preset(),
                base.niceness(),
                base.maxMemoryBytes(),
                base.conversionWorkers(),
                base.conversionAttempts());
    }
}
