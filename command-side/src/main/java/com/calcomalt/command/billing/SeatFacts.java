package com.calcomalt.command.billing;

import com.calcomalt.contracts.billing.SubscriptionStatus;

/**
 * An organization's or team's billing row as a seat needs it, from the command side's lookup in the
 * command's transaction. {@code paidSeats} null: no limit.
 */
record SeatFacts(int orgId, String billingId, boolean organization, SubscriptionStatus status, Integer paidSeats,
                 int taken) {

    /** Every paid seat is held; with no limit never. */
    boolean full() {
        return paidSeats != null && taken >= paidSeats;
    }
}
