package com.calcomalt.contracts.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SeatReleased(int seatId, int orgId, int userId, boolean organization, String billingId, Integer triggeredBy,
                           Instant releasedAt) {
}
