package com.calcomalt.contracts.billing;

/** A command on the seats of one organization or team: its billing row and seat count decide. */
public interface TargetsSeats {

    int orgId();
}
