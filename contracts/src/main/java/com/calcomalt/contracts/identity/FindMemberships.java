package com.calcomalt.contracts.identity;

/** Answered with the memberships of a team the caller may see. */
public record FindMemberships(int teamId, Caller caller) {
}
