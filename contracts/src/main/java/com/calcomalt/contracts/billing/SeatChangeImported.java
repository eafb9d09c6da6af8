package com.calcomalt.contracts.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A cal.com {@code SeatChangeLog} row brought over whole by the import. cal.com's rows count several seats at
 * once, carry its own metadata and proration marks, and need not match a seat still held, so no seat event
 * can stand for one; seat events of our own write their rows as before. {@code metadata} is the JSON text.
 */
@Revision("1")
public record SeatChangeImported(String id, int teamId, String changeType, int seatCount, Integer userId,
                                 Integer triggeredBy, Instant changeDate, String monthKey,
                                 String processedInProrationId, String metadata, Instant createdAt,
                                 String teamBillingId, String organizationBillingId) {
}
