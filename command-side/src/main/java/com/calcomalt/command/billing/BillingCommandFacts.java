package com.calcomalt.command.billing;

import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.billing.TargetsSeats;
import org.springframework.stereotype.Component;

/** Adds to a seat command its organization's billing row and how many of its seats are taken. */
@Component
class BillingCommandFacts extends CommandFacts {

    static final String SEATS = "seats";

    BillingCommandFacts(BillingRegistry billing) {
        resolve(TargetsSeats.class, (c, facts) -> billing.seats(c.orgId()).ifPresent(seats -> facts.put(SEATS, seats)));
    }
}
