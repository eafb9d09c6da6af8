package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.WorkflowMethods;

/** One SMS or WhatsApp reminder, filled in. */
public record ReminderTextMessage(WorkflowMethods method, String to, String sender, String body) {
}
