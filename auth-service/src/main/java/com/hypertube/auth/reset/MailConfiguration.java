package com.hypertube.auth.reset;

import com.hypertube.auth.AuthProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** SMTP when MAIL_HOST is set, the outbox folder otherwise. */
    @Bean
    Mailer mailer(
            Environment environment, ObjectProvider<JavaMailSender> sender, AuthProperties properties, Clock clock) {
        String host = environment.getProperty("spring.mail.host", "");
        JavaMailSender smtp = sender.getIfAvailable();
        return host.isBlank() || smtp == null ? new OutboxMailer(properties, clock) : new SmtpMailer(smtp, properties);
    }
}
