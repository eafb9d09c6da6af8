package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A SelectedCalendar row: this calendar's busy times now block the user's slots. */
@Revision("1")
public record CalendarSelected(int credentialId, String selectedCalendarId, int userId, String integration,
                               String externalId, Integer eventTypeId, Instant selectedAt) {
}
