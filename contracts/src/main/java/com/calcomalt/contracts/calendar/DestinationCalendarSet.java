package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A DestinationCalendar row, made or changed in place. */
@Revision("1")
public record DestinationCalendarSet(int destinationCalendarId, Integer userId, Integer eventTypeId,
                                     String integration, String externalId, int credentialId, String primaryEmail,
                                     Instant setAt) {
}
