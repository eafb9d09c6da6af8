package com.calcomalt.contracts.billing;

/** cal.com's {@code SubscriptionStatus}, kept as text in the billing rows' {@code status}. */
public enum SubscriptionStatus {
    ACTIVE, CANCELLED, PAST_DUE, TRIALING, INCOMPLETE, INCOMPLETE_EXPIRED, UNPAID, PAUSED;

    /** A subscription that is not paid up adds no seats; its organization keeps its data. */
    public boolean addsSeats() {
        return this == ACTIVE || this == TRIALING;
    }
}
