package com.calcomalt.command.automation;

/** Where SMS and WhatsApp reminders go; only the log here, a provider (Twilio, ...) plugs in as a bean. */
public interface ReminderTextSender {

    /** @return the sender's id of the message, kept as the reminder's referenceId */
    String send(ReminderTextMessage message);
}
