package com.calcomalt.contracts.automation;

/** cal.com's WorkflowTemplates enum, every label as the database has it. */
public enum WorkflowTemplates { REMINDER, CUSTOM, CANCELLED, RESCHEDULED, COMPLETED, RATING }
