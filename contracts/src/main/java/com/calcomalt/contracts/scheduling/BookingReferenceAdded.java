package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingReferenceAdded(String uid, int bookingId, int referenceId, String type, String referenceUid, String meetingId, String meetingPassword, String meetingUrl, String externalCalendarId, Integer credentialId, String thirdPartyRecurringEventId, Instant addedAt) implements BookingChange {
}
