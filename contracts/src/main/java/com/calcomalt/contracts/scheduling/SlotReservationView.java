package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/** A held slot as cal.com API v2 answers {@code GET /v2/slots/reservations/{uid}}; durations in minutes. */
public record SlotReservationView(String reservationUid, int eventTypeId, Instant slotStart, Instant slotEnd,
                                  int slotDuration, Instant reservationUntil) {
}
