package com.calcomalt.contracts.automation;

/**
 * The WorkflowStep columns a user chooses. In a command a null field is one it does not change (or,
 * when adding, cal.com's default); in an event template and includeCalendarEvent are always set.
 */
public record WorkflowStepSettings(WorkflowActions action, WorkflowTemplates template, String reminderBody,
                                   String emailSubject, String sendTo, Boolean numberRequired, String sender,
                                   Boolean includeCalendarEvent) {
}
