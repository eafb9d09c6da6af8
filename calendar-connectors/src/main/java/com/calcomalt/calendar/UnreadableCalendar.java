package com.calcomalt.calendar;

/** A calendar whose busy times could not be read fresh; authenticationFailed means the login needs fixing. */
public record UnreadableCalendar(int credentialId, String externalId, String reason, boolean authenticationFailed) {
}
