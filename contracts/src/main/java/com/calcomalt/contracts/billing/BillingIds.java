package com.calcomalt.contracts.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * In the event store a team's billing is "billing:{teamId}" (one row per team, as cal.com's unique
 * {@code teamId}) and a user's seat in an organization "seat:{orgId}:{userId}" (one per pair, as the
 * seed's unique key), so two concurrent creations of either cannot both be stored.
 */
public final class BillingIds {

    private BillingIds() {
    }

    public static String billing(int teamId) {
        return "billing:" + teamId;
    }

    public static String seat(int orgId, int userId) {
        return "seat:" + orgId + ":" + userId;
    }

    /** The row's text id, fixed by its team so that a replay writes the same one. */
    public static String billingRowId(int teamId) {
        return UUID.nameUUIDFromBytes(("billing:" + teamId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** cal.com's month of a seat change: "YYYY-MM" in UTC, as its SeatChangeTrackingService computes it. */
    public static String monthKey(Instant at) {
        ZonedDateTime date = at.atZone(ZoneOffset.UTC);
        return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
    }
}
