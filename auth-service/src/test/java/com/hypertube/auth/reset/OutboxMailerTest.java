package com.hypertube.auth.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.AuthProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {

    @TempDir
    Path outbox;

    @Test
    void eachMailBecomesOneWholeFileInTheOutbox() throws Exception {
        OutboxMailer mailer = new OutboxMailer(
                properties(outbox.resolve("mails")),
                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

        mailer.send(new Mail(
                "ada@example.org",
                "Reset your Hypertube password",
                "Open http://localhost:8080/reset-password#token=abc"));
        mailer.send(new Mail("bob@example.org", "Second", "text"));

        try (Stream<Path> files = Files.list(outbox.resolve("mails"))) {
            var names =
                    files.map(path -> path.getFileName().toString()).sorted().toList();
            assertThat(names)
                    .hasSize(2)
                    .allMatch(name -> name.startsWith("2026-11-21T10-00-00Z-") && name.endsWith(".eml"));
            String first = Files.readString(outbox.resolve("mails").resolve(names.get(0)));
            String second = Files.readString(outbox.resolve("mails").resolve(names.get(1)));
            assertThat(first + second)
                    .contains("To: ada@example.org", "Subject: Reset your Hypertube password", "#token=abc");
        }
    }

    private static AuthProperties properties(Path folder) {
        return new AuthProperties(
                URI.create("http://localhost:8080"),
                new AuthProperties.Tokens(
                        "hypertube",
                        "hypertube",
                        Duration.ofMinutes(15),
                        Duration.ofDays(30),
                        Duration.ofSeconds(10),
                        null),
                new AuthProperties.Passwords(4, Duration.ofMinutes(30)),
                new AuthProperties.Cookies(true),
                new AuthProperties.Mail("Hypertube <no-reply@localhost>", folder),
                new AuthProperties.Throttle(5, Duration.ofSeconds(2), Duration.ofMinutes(15)),
                Map.of());
    }
}
