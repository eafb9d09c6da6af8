package com.calcomalt.contracts.billing;

import com.calcomalt.contracts.identity.Caller;

/** A team's billing row, for its admins and system admins. */
public record FindBilling(Caller caller, int teamId) {
}
