package com.calcomalt.contracts.billing;

import java.time.Instant;

/** A SeatChangeLog row; {@code changeType} is ADDITION or REMOVAL. */
public record SeatChangeView(String id, int teamId, String changeType, int seatCount, Integer userId,
                             Integer triggeredBy, Instant changeDate, String monthKey, String teamBillingId,
                             String organizationBillingId) {
}
