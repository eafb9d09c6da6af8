package com.calcomalt.contracts.scheduling;

import java.util.List;

/** The answer to {@link FindBookingInternalNotes}. */
public record BookingInternalNotes(List<BookingInternalNoteView> notes) {
}
