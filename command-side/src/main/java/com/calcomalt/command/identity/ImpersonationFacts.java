package com.calcomalt.command.identity;

/**
 * @param callerRunsATeamOfTarget the caller is ADMIN or OWNER of a team the target has an accepted membership of
 * @param allowedByThoseTeams     at least one such membership does not disable impersonation
 */
public record ImpersonationFacts(boolean callerRunsATeamOfTarget, boolean allowedByThoseTeams) {
}
