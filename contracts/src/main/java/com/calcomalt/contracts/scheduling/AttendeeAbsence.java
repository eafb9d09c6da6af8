package com.calcomalt.contracts.scheduling;

/** Whether one attendee of a booking came. */
public record AttendeeAbsence(int attendeeId, String email, boolean noShow) {
}
