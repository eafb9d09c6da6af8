package com.calcomalt.contracts.calendar;

/** A selected calendar whose busy times could not be read, and why: its slots were offered without them. */
public record UnavailableCalendar(int credentialId, String externalId, String reason) {
}
