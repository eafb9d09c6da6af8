package com.calcomalt.query.identity;

import com.calcomalt.contracts.identity.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may read what, by the same rules that guard the commands: a team is seen by its members
 * (invited or accepted), by the admins and owners of its organization, and by system admins; a
 * user is seen by themselves, by system admins, and by whoever runs a team they belong to. A
 * team's API key sees only inside its team. What may not be seen is answered as not there.
 */
@Component
public class IdentityVisibility {

    private final JdbcTemplate jdbc;

    public IdentityVisibility(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean canSeeTeam(Caller caller, int teamId) {
        if (caller.teamScope() != null && !Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from "Team" where id = ? and (id = ? or "parentId" = ?))""",
                Boolean.class, teamId, caller.teamScope(), caller.teamScope()))) {
            return false;
        }
        return caller.systemAdmin() || Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from "Membership" where "teamId" = ? and "userId" = ?)
                    or exists (select 1 from "Team" t join "Membership" m on m."teamId" = t."parentId"
                               where t.id = ? and m."userId" = ? and m.accepted and m.role in ('ADMIN', 'OWNER'))""",
                Boolean.class, teamId, caller.userId(), teamId, caller.userId()));
    }

    /**
     * Whether the caller may change what a team owns, as the command side decides it: system admins,
     * and accepted ADMINs and OWNERs of the team or of its organization, a team key only inside its team.
     */
    public boolean runsTeam(Caller caller, int teamId) {
        return caller.systemAdmin() || Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (
                    select 1 from "Team" t join "Membership" m on m."teamId" = t.id or m."teamId" = t."parentId"
                    where t.id = ? and m."userId" = ? and m.accepted and m.role in ('ADMIN', 'OWNER')
                      and (?::int is null or t.id = ? or t."parentId" = ?))""",
                Boolean.class, teamId, caller.userId(), caller.teamScope(), caller.teamScope(), caller.teamScope()));
    }

    public boolean canSeeUser(Caller caller, int userId) {
        return caller.mayActAs(userId) || (caller.teamScope() == null && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (
                    select 1 from "Membership" target
                    join "Team" t on t.id = target."teamId"
                    join "Membership" mine on mine."teamId" = t.id or mine."teamId" = t."parentId"
                    where target."userId" = ? and mine."userId" = ? and mine.accepted
                      and mine.role in ('ADMIN', 'OWNER'))""", Boolean.class, userId, caller.userId())));
    }
}
