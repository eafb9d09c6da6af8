package com.calcomalt.contracts.identity;

/** A command that acts in an existing team: the caller's role there decides whether they may send it. */
public interface TargetsTeam {

    int teamId();
}
