package com.calcomalt.contracts.billing;

import com.calcomalt.contracts.identity.Caller;

/** Every seat change of an organization or team, optionally of one month ("YYYY-MM"). */
public record FindSeatChangeLog(Caller caller, int orgId, String monthKey) {
}
