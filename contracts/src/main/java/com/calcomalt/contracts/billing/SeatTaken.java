package com.calcomalt.contracts.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code billingId} is the row the seat is billed on (an OrganizationBilling row when {@code organization}). */
@Revision("1")
public record SeatTaken(int seatId, int orgId, int userId, boolean organization, String billingId, Integer triggeredBy,
                        Instant takenAt) {
}
