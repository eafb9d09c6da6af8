package com.calcomalt.command.automation;

/** Where reminder emails go: SMTP when {@code spring.mail.host} is set, the log otherwise. */
public interface ReminderEmailSender {

    /**
     * Hands the email over for delivery.
     *
     * @return the sender's id of the message, kept as the reminder's referenceId
     * @throws RuntimeException when the email was not taken
     */
    String send(ReminderEmail email);
}
