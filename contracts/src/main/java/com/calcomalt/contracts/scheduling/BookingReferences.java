package com.calcomalt.contracts.scheduling;

import java.util.List;

/** The answer to {@link FindBookingReferences}. */
public record BookingReferences(List<BookingReferenceView> references) {
}
