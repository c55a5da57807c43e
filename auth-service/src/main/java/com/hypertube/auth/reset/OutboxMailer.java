package com.hypertube.auth.reset;

import com.hypertube.auth.AuthProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For an install with no SMTP server: each mail becomes a file in the outbox folder (written whole, then
 * moved into place, so a reader never sees half a mail), and the log says where, so the person running
 * Hypertube can pass a reset link on by hand.
 */
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final Path outbox;
    private final String from;
    private final Clock clock;

    OutboxMailer(AuthProperties properties, Clock clock) {
        this.outbox = properties.mail().outbox().toAbsolutePath().normalize();
        this.from = properties.mail().from();
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        String name = DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-') + "-" + UUID.randomUUID()
                + ".eml";
        String content = "From: " + from + "\r\nTo: " + mail.to() + "\r\nSubject: " + mail.subject()
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + mail.text();
        try {
            Files.createDirectories(outbox);
            Path partial = Files.createTempFile(outbox, ".writing-", ".eml");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Path file = outbox.resolve(name);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "No SMTP server configured (MAIL_HOST): mail \"{}\" to {} written to {}",
                    mail.subject(),
                    mail.to(),
                    file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the mail outbox " + outbox, e);
        }
    }
}
