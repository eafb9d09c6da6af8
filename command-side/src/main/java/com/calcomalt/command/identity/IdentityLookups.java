package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.MembershipRole;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the command side's identity lookups (schema command_side), in the command's transaction. */
@Component
public class IdentityLookups {

    private final JdbcTemplate jdbc;

    public IdentityLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TeamRecord(int teamId, Integer parentId, String slug, boolean isOrganization,
                             String orgAutoAcceptEmail) {
        /** The organization a team belongs to: itself when it is one, its parent when it is a sub-team. */
        public Integer organizationId() {
            return isOrganization ? Integer.valueOf(teamId) : parentId;
        }
    }

    public record MemberRecord(int membershipId, int teamId, int userId, MembershipRole role, boolean accepted,
                               boolean disableImpersonation) {
    }

    public record ApiKeyRecord(String keyId, int userId, Integer teamId) {
    }

    public Optional<TeamRecord> team(int teamId) {
        return jdbc.query("""
                select team_id, parent_id, slug, is_organization, org_auto_accept_email
                from command_side.team_registry where team_id = ?""",
                (rs, i) -> new TeamRecord(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5)), teamId).stream().findFirst();
    }

    public boolean hasSubTeams(int teamId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from command_side.team_registry where parent_id = ?)", Boolean.class, teamId));
    }

    public Optional<MemberRecord> membership(int membershipId) {
        return members("where membership_id = ?", membershipId).stream().findFirst();
    }

    public Optional<MemberRecord> membership(int teamId, int userId) {
        return members("where team_id = ? and user_id = ?", teamId, userId).stream().findFirst();
    }

    /** The user's memberships in the sub-teams of an organization. */
    public List<MemberRecord> subTeamMemberships(int organizationId, int userId) {
        return members("""
                where user_id = ? and team_id in (select team_id from command_side.team_registry where parent_id = ?)""",
                userId, organizationId);
    }

    public Optional<UserFacts> user(int userId) {
        return jdbc.query("""
                select user_id, email_lower, username_lower, disable_impersonation
                from command_side.user_registry where user_id = ?""",
                (rs, i) -> new UserFacts(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), userId)
                .stream().findFirst();
    }

    public Optional<UserFacts> userByEmail(String email) {
        return jdbc.query("""
                select user_id, email_lower, username_lower, disable_impersonation
                from command_side.user_registry where email_lower = lower(?)""",
                (rs, i) -> new UserFacts(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                email.trim()).stream().findFirst();
    }

    public Optional<ApiKeyRecord> apiKey(String keyId) {
        return jdbc.query("select key_id, user_id, team_id from command_side.api_keys where key_id = ?",
                (rs, i) -> new ApiKeyRecord(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3)), keyId)
                .stream().findFirst();
    }

    /** The key whose SHA-256 this is, as the authentication filter finds it. */
    public Optional<ApiKeyRecord> apiKeyByHash(String hashedKey) {
        return jdbc.query("select key_id, user_id, team_id from command_side.api_keys where hashed_key = ?",
                (rs, i) -> new ApiKeyRecord(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3)), hashedKey)
                .stream().findFirst();
    }

    /** The accepted memberships of the target in teams the caller runs (as ADMIN or OWNER of the team or its org). */
    public List<MemberRecord> membershipsRunBy(int callerUserId, int targetUserId) {
        return members("""
                where user_id = ? and accepted and exists (
                    select 1 from command_side.team_members c
                    join command_side.team_registry t on t.team_id = command_side.team_members.team_id
                    where c.user_id = ? and c.accepted and c.role in ('ADMIN', 'OWNER')
                      and (c.team_id = t.team_id or c.team_id = t.parent_id))""", targetUserId, callerUserId);
    }

    /** The accepted members of a team. */
    public List<MemberRecord> acceptedMembers(int teamId) {
        return members("where team_id = ? and accepted", teamId);
    }

    private List<MemberRecord> members(String where, Object... args) {
        return jdbc.query("""
                select membership_id, team_id, user_id, role, accepted, disable_impersonation
                from command_side.team_members
                """ + where,
                (rs, i) -> new MemberRecord(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        MembershipRole.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6)), args);
    }
}
