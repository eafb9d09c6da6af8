package com.calcomalt.contracts.automation;

import com.calcomalt.contracts.identity.Caller;

/** Without a team: the caller's own workflows and those of the teams they belong to; with one, that team's. */
public record FindWorkflows(Integer teamId, Caller caller) {
}
