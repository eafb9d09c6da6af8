package com.calcomalt.contracts.identity;

/** Answered with an {@code Optional<TeamView>}: empty when the team does not exist or the caller may not see it. */
public record FindTeam(int teamId, Caller caller) {
}
