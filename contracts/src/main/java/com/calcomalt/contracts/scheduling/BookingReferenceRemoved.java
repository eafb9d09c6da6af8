package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingReferenceRemoved(String uid, int bookingId, int referenceId, Instant removedAt) implements BookingChange {
}
