package com.calcomalt.contracts.calendar;

import java.time.Instant;

/**
 * How a booking's event in its destination calendar stands: {@code status} is PENDING, RETRYING
 * (the server did not answer; {@code attempts} and {@code lastError} say how often and why), WRITTEN,
 * DELETED, FAILED (given up, or the login was refused) or NONE (no destination calendar).
 */
public record BookingCalendarEvent(Integer credentialId, String externalCalendarId, String status, int attempts,
                                   String lastError, Instant updatedAt) {
}
