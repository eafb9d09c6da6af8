package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/**
 * The free start times of an event type between {@code start} and {@code end}, grouped by date in
 * {@code timeZone}. Answered with {@link AvailableSlots}.
 *
 * @param duration                minutes, for an event type that offers several lengths; null for its length
 * @param ignoredReservationUid   the asker's own reservation, which does not hide a slot from them
 */
public record FindAvailableSlots(int eventTypeId, Instant start, Instant end, String timeZone, Integer duration,
                                 String ignoredReservationUid) {
}
