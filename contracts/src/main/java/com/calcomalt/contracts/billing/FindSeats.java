package com.calcomalt.contracts.billing;

import com.calcomalt.contracts.identity.Caller;

/** The seats held in an organization or team, for its admins and system admins. */
public record FindSeats(Caller caller, int orgId) {
}
