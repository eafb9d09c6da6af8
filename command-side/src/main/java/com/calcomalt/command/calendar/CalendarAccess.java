package com.calcomalt.command.calendar;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;

/**
 * Who may use and change a calendar account: a user's own account is theirs alone (and a system
 * admin's); a team's account is managed by the team's ADMINs and OWNERs.
 */
final class CalendarAccess {

    private CalendarAccess() {
    }

    static void requireManages(Caller caller, TeamAccess access, Integer userId, Integer teamId) {
        if (caller == null) {
            throw new AccessDenied("Calendars are managed by a known caller");
        }
        boolean allowed = userId != null ? caller.mayActAs(userId)
                : access != null && access.teamId() == teamId && access.runsTeam();
        if (!allowed) {
            throw new AccessDenied(userId != null ? "Only user " + userId + " manages their calendars"
                    : "Only the ADMINs and OWNERs of team " + teamId + " manage its calendars");
        }
    }
}
