package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CalendarDeselected(int credentialId, String selectedCalendarId, int userId, String integration,
                                 String externalId, Integer eventTypeId, Instant deselectedAt) {
}
