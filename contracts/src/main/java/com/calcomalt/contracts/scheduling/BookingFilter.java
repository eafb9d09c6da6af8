package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import java.util.List;

/** The filters of GET /v2/bookings, each optional. {@code status} holds upcoming, recurring, past, cancelled, unconfirmed; sorts are "asc" or "desc". */
public record BookingFilter(List<String> status, String attendeeEmail, String attendeeName, List<Integer> eventTypeIds, List<Integer> teamIds, Instant afterStart, Instant beforeEnd, Instant afterCreatedAt, Instant beforeCreatedAt, Instant afterUpdatedAt, Instant beforeUpdatedAt, String sortStart, String sortEnd, String sortCreated, String sortUpdatedAt, int take, int skip) {
}
