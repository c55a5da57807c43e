package com.hypertube.streaming.playback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How videos are probed and converted, bound from {@code hypertube.playback.*}.
 *
 * @param ffmpeg the ffmpeg program ({@code FFMPEG_PATH}; found on the PATH by default)
 * @param ffprobe the ffprobe program ({@code FFPROBE_PATH})
 * @param probeTimeout how long a probe may take, waiting for the pieces it reads included
 * @param segmentSeconds the length of an HLS segment; a transcode puts a keyframe at each boundary
 * @param segmentTimeout how long a segment request waits for ffmpeg to write it
 * @param idleStop a live ffmpeg nobody asked a segment of for this long is stopped
 * @param maxLiveProcesses live ffmpeg processes at once; the least recently used idle one makes room
 * @param encoder the H.264 encoder of a transcode: {@code software} (libx264), {@code vaapi}, {@code nvenc}
 *     or {@code qsv}; a hardware one is used only when ffmpeg has it, software otherwise
 * @param vaapiDevice the render node VAAPI encodes on
 * @param preset libx264's preset: {@code ultrafast} keeps a 720p transcode above 4x real time on two cores
 * @param niceness the nice level of background conversions, so that they never take a viewer's CPU
 * @param maxMemoryBytes the address space an ffmpeg or ffprobe may take (bounded, so a crafted file cannot
 *     exhaust the machine)
 * @param conversionWorkers background conversions at once on this instance (the conversion queue's consumers)
 * @param conversionAttempts tries of a conversion that fails for a reason not the file's (ffmpeg killed, out of
 *     time) before it fails for good and its message goes to the dead-letter queue
 */
@Validated
@ConfigurationProperties("hypertube.playback")
public record PlaybackProperties(
        @NotBlank String ffmpeg,
        @NotBlank String ffprobe,
        @NotNull Duration probeTimeout,
        @Min(2) @Max(10) int segmentSeconds,
        @NotNull Duration segmentTimeout,
        @NotNull Duration idleStop,
        @Min(1) int maxLiveProcesses,

        @NotBlank @Pattern(regexp = "software|vaapi|nvenc|qsv")
        String encoder,

        @NotBlank String vaapiDevice,

        @NotBlank @Pattern(regexp = "ultrafast|superfast|veryfast|faster|fast|medium")
        String preset,

        @Min(0) @Max(19) int niceness,
        @Min(64L << 20) long maxMemoryBytes,
        @Min(1) int conversionWorkers,
        @Min(1) int conversionAttempts) {}
