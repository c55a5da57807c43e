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
     * The H.264 encoder a transcode uses: the configured hardware one when it works here, else libx264. Works means
     * a trial encode of a fraction of a second succeeds: Debian's ffmpeg, for one, lists {@code h264_nvenc} and
     * {@code h264_vaapi} on a machine with no GPU at all, and every transcode would then fail. Asked once.
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
                Result trial = run(properties.ffmpeg(), trialEncode(wanted), Duration.ofSeconds(20), 0);
                if (trial.exitCode() == 0) {
                    chosen = wanted;
                } else {
                    log.warn(
                            "The {} encoder does not work here ({}): transcoding in software (libx264)",
                            wanted,
                            // The first line says why (no libcuda, no VA display), the last only that it failed.
                            trial.errors().strip().lines().findFirst().orElse("exit code " + trial.exitCode()));
                }
            } catch (IOException e) {
                log.warn("Could not try the {} encoder ({}): transcoding in software", wanted, e.getMessage());
            }
        }
        h264Encoder = chosen;
        return chosen;
    }

    /** A fifth of a second of a test picture through the encoder as a transcode uses it, written nowhere. */
    private List<String> trialEncode(String encoder) {
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        if (encoder.equals("h264_vaapi")) {
            arguments.addAll(List.of("-vaapi_device", properties.vaapiDevice()));
        }
        arguments.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=0.2"));
        arguments.addAll(HlsArguments.videoEncoder(encoder, properties.preset()));
        arguments.addAll(List.of("-f", "null", "-"));
        return arguments;
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
