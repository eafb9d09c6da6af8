package com.calcomalt.command.billing;

import com.calcomalt.contracts.billing.SubscriptionStatus;
import com.calcomalt.platform.domain.DomainRuleViolation;

/** No seat can be taken: answered with 422, and the invitation or acceptance stores nothing. */
class SeatLimitReached extends DomainRuleViolation {

    private SeatLimitReached(String message) {
        super(message);
    }

    static SeatLimitReached refusedBy(SeatFacts seats) {
        if (!seats.status().addsSeats()) {
            return unpaid(seats.orgId(), seats.status());
        }
        return new SeatLimitReached("All " + seats.paidSeats() + " paid seats of team " + seats.orgId()
                + " are taken; a member can be added once its billing pays for more seats or a member is removed");
    }

    static SeatLimitReached unpaid(int orgId, SubscriptionStatus status) {
        return new SeatLimitReached("The subscription of team " + orgId + " is " + status
                + ": it keeps its members and data but cannot add seats until it is paid");
    }
}
