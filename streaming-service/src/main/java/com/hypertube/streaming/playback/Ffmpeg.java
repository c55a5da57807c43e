package com.hypertube.streaming.playback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg and ffprobe with bounded time and memory: every process gets an address-space limit
 * ({@code prlimit}, when the system has it), no standard input, and is killed when its time is up. The
 * arguments are a list (no shell), built by our code from data we checked.
 */
@Component
public class Ffmpeg {

    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final int MAX_OUTPUT = 4 << 20;
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final PlaybackProperties properties;
    private volatile String h264Encoder;

    Ffmpeg(PlaybackProperties properties) {
        this.properties = properties;
    }

    /** What a finished process left: its exit code, its standard output, and the end of its errors. */
    public record Result(int exitCode, byte[] output, String errors) {
        public String lastErrorLine() {
            String trimmed = errors.strip();
            return trimmed.isEmpty() ? "exit code " + exitCode : trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        }
    }

    public Result probe(List<String> arguments) throws IOException {
        return run(properties.ffprobe(), arguments, properties.probeTimeout(), 0);
    }

    /** A conversion to its end, niced so that it never takes a live viewer's CPU. */
    public Result convert(List<String> arguments, Duration timeout) throws IOException {
        return run(properties.ffmpeg(), arguments, timeout, properties.niceness());
    }

    /** A live ffmpeg (HLS), its errors written to {@code errorLog}; the caller stops it. */
    Process startLive(List<String> arguments, Path errorLog) throws IOException {
        return command(properties.ffmpeg(), arguments, 0)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errorLog.toFile())
                .start();
    }

    /**
     * The H.264 encoder a transcode uses: the configured hardware one when this ffmpeg has it, else libx264.
     * Asked once: listing encoders costs a process.
     */
    String h264Encoder() {
        String known = h264Encoder;
        if (known != null) {
            return known;
        }
        String wanted =
                switch (properties.encoder()) {
                    case "vaapi" -> "h264_vaapi";
                    case "nvenc" -> "h264_nvenc";
                    case "qsv" -> "h264_qsv";
                    default -> "libx264";
                };
        String chosen = "libx264";
        if (!wanted.equals("libx264")) {
            try {
                Result encoders =
                        run(properties.ffmpeg(), List.of("-hide_banner", "-encoders"), Duration.ofSeconds(10), 0);
                if (new String(encoders.output(), StandardCharsets.UTF_8).contains(" " + wanted + " ")) {
                    chosen = wanted;
                } else {
                    log.warn("ffmpeg has no {} encoder: transcoding in software (libx264)", wanted);
                }
            } catch (IOException e) {
                log.warn("Could not list ffmpeg's encoders ({}): transcoding in software", e.getMessage());
            }
        }
        h264Encoder = chosen;
        return chosen;
    }

    private Result run(String program, List<String> arguments, Duration timeout, int niceness) throws IOException {
        Process process = command(program, arguments, niceness)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread outputReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        Thread errorReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), errors));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(
                        Path.of(program).getFileName() + " did not finish within " + timeout.toSeconds() + " s");
            }
            outputReader.join(Duration.ofSeconds(5));
            errorReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + program, e);
        }
        String errorText = errors.toString(StandardCharsets.UTF_8);
        return new Result(
                process.exitValue(), output.toByteArray(), errorText.substring(Math.max(0, errorText.length() - 2000)));
    }

    private ProcessBuilder command(String program, List<String> arguments, int niceness) {
        List<String> command = new ArrayList<>();
        if (niceness > 0 && Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", String.valueOf(niceness)));
        }
        if (Files.isExecutable(PRLIMIT)) {
            command.addAll(List.of(PRLIMIT.toString(), "--as=" + properties.maxMemoryBytes(), "--"));
        }
        command.add(program);
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (into.size() < MAX_OUTPUT) {
                    into.write(buffer, 0, Math.min(read, MAX_OUTPUT - into.size()));
                }
            }
        } catch (IOException ignored) {
            // the process went away: what was read is what there is
        }
    }
}
