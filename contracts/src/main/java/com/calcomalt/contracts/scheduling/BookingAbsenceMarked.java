package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Who did not come; a null {@code noShowHost} leaves the host as it was. */
@Revision("1")
public record BookingAbsenceMarked(String uid, int bookingId, Boolean noShowHost, List<AttendeeAbsence> attendees, Instant updatedAt) implements BookingChange {
}
