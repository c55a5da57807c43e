package com.hypertube.auth.account;

import com.hypertube.auth.AuthProperties;
import com.hypertube.auth.reset.Mail;
import com.hypertube.auth.reset.Mailer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the old address that the account's email changed, so an owner whose session was taken over learns
 * it where the thief cannot intercept it. Sent in the background: a slow mail server never holds the answer.
 */
@Component
class EmailChangeNotice {

    private static final Logger log = LoggerFactory.getLogger(EmailChangeNotice.class);

    private final Mailer mailer;
    private final String publicUrl;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    EmailChangeNotice(Mailer mailer, AuthProperties properties) {
        this.mailer = mailer;
        this.publicUrl = properties.publicBase();
    }

    void tellOldAddress(User before, String newEmail) {
        Mail mail = new Mail(
                before.email(),
                "Your Hypertube email address was changed",
                "Hello " + before.username() + ",\n\nThe email address of your Hypertube account was changed to "
                        + newEmail + ", and every session was signed out.\n\nIf this was not you, reset your "
                        + "password at " + publicUrl + " and tell the person who runs this Hypertube.\n");
        background.execute(() -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                log.error("Could not tell {} that the account's email changed", before.username(), e);
            }
        });
    }
}
