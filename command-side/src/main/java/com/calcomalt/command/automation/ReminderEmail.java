package com.calcomalt.command.automation;

import java.util.List;

/** One reminder email, filled in: plain text, to one or more addresses. */
public record ReminderEmail(List<String> to, String subject, String body) {
}
