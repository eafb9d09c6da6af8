package com.calcomalt.contracts.identity;

/** cal.com's MembershipRole enum. */
public enum MembershipRole {
    MEMBER, OWNER, ADMIN;

    /** ADMIN and OWNER run a team. */
    public boolean runsTeam() {
        return this == ADMIN || this == OWNER;
    }
}
