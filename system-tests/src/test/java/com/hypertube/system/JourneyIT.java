package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.testinfra.RequiresCommand;
import com.hypertube.testinfra.ServerAddresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app's journey ({@code web-ui/e2e/journey.test.ts}) in Chromium against the whole suite started by
 * {@code ./hypertube up --demo} — the demo library made with ffmpeg and seeded on 127.0.0.1 — on this run's
 * database and virtual host, with ports of its own. The journey prints its figures (first frame, seek) here.
 */
@RequiresCommand(
        value = {"ffmpeg", "chromium", "node"},
        install = "apt-get install ffmpeg chromium nodejs (web-ui's npm ci gives the rest)")
class JourneyIT {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5); // the demo films are made first
    private static final Duration JOURNEY_TIMEOUT = Duration.ofMinutes(6);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void signUpSearchPlaySeekSubtitlesCommentAndInProgressInARealBrowser() throws Exception {
        LauncherRun launcher = new LauncherRun("journey")
                .withFreePorts(
                        "GATEWAY_PORT",
                        "AUTH_PORT",
                        "MEDIA_PORT",
                        "STREAMING_PORT",
                        "SOURCE_PORT",
                        "HYPERTUBE_DEMO_TRACKER_PORT",
                        "HYPERTUBE_DEMO_PEER_PORT")
                .with("HYPERTUBE_EMBEDDED", "never");
        ServerAddresses.forThisRun().serviceEnvironment().forEach(launcher::with);
        try {
            LauncherRun.Result up = launcher.run(UP_TIMEOUT, "up", "--demo");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output()).contains("The demo library's four films are in the library");

            LauncherRun.Result journey = journey("http://127.0.0.1:" + launcher.port("GATEWAY_PORT"), launcher.home);
            System.out.println(journey.output());
            assertThat(journey.exitCode()).as(journey.output()).isZero();
            assertThat(journey.output()).contains("5 passed").doesNotContain("skipped");
        } finally {
            LauncherRun.Result down = launcher.run(Duration.ofMinutes(2), "down");
            if (down.exitCode() != 0) {
                System.err.println("./hypertube down failed:\n" + down.output());
            }
        }
    }

    /** The journey's Vitest run, from the web app's folder (its node_modules are the web-ui build's). */
    private static LauncherRun.Result journey(String gateway, Path home) throws Exception {
        Path webUi = Path.of(System.getProperty("hypertube.root", ".."))
                .toAbsolutePath()
                .resolve("web-ui");
        Path output = Files.createDirectories(home).resolve("journey.out");
        ProcessBuilder builder = new ProcessBuilder(
                        "node", "node_modules/vitest/vitest.mjs", "run", "--project", "browser", "e2e/journey.test.ts")
                .directory(webUi.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("HYPERTUBE_URL", gateway);
        builder.environment().put("NO_COLOR", "1");
        return LauncherRun.finish(builder, output, JOURNEY_TIMEOUT);
    }
}
