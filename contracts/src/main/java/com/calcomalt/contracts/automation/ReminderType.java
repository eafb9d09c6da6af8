package com.calcomalt.contracts.automation;

/** cal.com's ReminderType enum, the kind of a ReminderMail row. */
public enum ReminderType { PENDING_BOOKING_CONFIRMATION }
