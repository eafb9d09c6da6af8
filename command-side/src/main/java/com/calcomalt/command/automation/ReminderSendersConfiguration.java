package com.calcomalt.command.automation;

import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The senders behind the reminder ports. Emails go over SMTP when {@code spring.mail.host} is set
 * (Spring Boot's mail properties configure the connection), and to the log otherwise; SMS and
 * WhatsApp go to the log unless the application declares its own {@link ReminderTextSender}.
 */
@Configuration
class ReminderSendersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReminderSendersConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    @ConditionalOnMissingBean(ReminderEmailSender.class)
    ReminderEmailSender smtpReminderEmailSender(JavaMailSender mail,
                                                @Value("${calalt.reminders.mail.from:Cal.com <no-reply@calcom-alt.local>}") String from) {
        return email -> {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email.to().toArray(String[]::new));
                helper.setSubject(email.subject());
                helper.setText(email.body(), false);
                mail.send(message);
                return message.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new MailSendException("The reminder email could not be made: " + e.getMessage(), e);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(ReminderEmailSender.class)
    ReminderEmailSender loggingReminderEmailSender() {
        return email -> {
            String id = "log-" + UUID.randomUUID();
            log.info("Reminder email {} to {}: {}\n{}", id, email.to(), email.subject(), email.body());
            return id;
        };
    }

    @Bean
    @ConditionalOnMissingBean(ReminderTextSender.class)
    ReminderTextSender loggingReminderTextSender() {
        return message -> {
            String id = "log-" + UUID.randomUUID();
            log.info("Reminder {} {} to {}: {}", message.method(), id, message.to(), message.body());
            return id;
        };
    }
}
