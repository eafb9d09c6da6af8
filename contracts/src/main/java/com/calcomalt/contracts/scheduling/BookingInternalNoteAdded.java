package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingInternalNoteAdded(String uid, int bookingId, int noteId, String text, int createdById, Instant createdAt) implements BookingChange {
}
