package com.calcomalt.contracts.identity;

/** Answered with the teams of an organization the caller may see. */
public record FindSubTeams(int organizationId, Caller caller) {
}
