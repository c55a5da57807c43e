package com.hypertube.auth.reset;

/** Sends mails: over SMTP when a server is configured, else into the outbox folder. */
public interface Mailer {

    void send(Mail mail);
}
