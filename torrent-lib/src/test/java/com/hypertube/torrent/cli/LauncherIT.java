package com.hypertube.torrent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/hypertube-torrent, the CLI's launcher, run on the packaged jar as a user runs it. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/hypertube-torrent").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void runsTheJarWithTheJdkOfJavaHome() throws Exception {
        Path movie = Files.write(temp.resolve("movie.mkv"), new byte[50_000]);
        Path torrent = temp.resolve("movie.torrent");

        Result created = launch(Map.of(), "create", movie.toString(), "-o", torrent.toString());
        Result info = launch(Map.of(), "info", torrent.toString(), "--json");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(info.exitCode()).as(info.stderr()).isZero();
        assertThat(info.stdout()).contains("\"name\":\"movie.mkv\"").contains("\"totalBytes\":50000");
        assertThat(info.stderr()).as("no AOT cache warning, no JVM complaint").isEmpty();
    }

    @Test
    void refusesAnOlderJdkInOneLine() throws Exception {
        Path oldJdk = Files.createDirectories(temp.resolve("jdk-17/bin"));
        Files.writeString(temp.resolve("jdk-17/release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\necho started >&2\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = launch(Map.of("JAVA_HOME", temp.resolve("jdk-17").toString()), "info", "x.torrent");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip())
                .isEqualTo("hypertube-torrent: " + java.toRealPath() + " is Java 17: set JAVA_HOME to a JDK 25");
    }

    @Test
    void saysHowToBuildAMissingJar() throws Exception {
        Result result =
                launch(Map.of("HYPERTUBE_TORRENT_JAR", temp.resolve("none.jar").toString()), "info", "x.torrent");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("build it with ./mvnw -pl torrent-lib package");
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result launch(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(concat(List.of(LAUNCHER.toString()), List.of(arguments)))
                .redirectOutput(temp.resolve("out").toFile())
                .redirectError(temp.resolve("err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the launcher ended")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
