package com.calcomalt.contracts.calendar;

/** A command on a connected calendar account: for a team's account, the caller's role in that team decides. */
public interface TargetsCalendarCredential {

    int credentialId();
}
