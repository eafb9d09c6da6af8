package com.calcomalt.contracts.identity;

/** A command on an existing membership: its team and its member decide who may send it. */
public interface TargetsMembership {

    int membershipId();
}
