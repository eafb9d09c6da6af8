package com.calcomalt.query.calendar;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.calendar.DelegationCredentialView;
import com.calcomalt.contracts.calendar.DelegationCredentials;
import com.calcomalt.contracts.calendar.DelegationWorkspacePlatform;
import com.calcomalt.contracts.calendar.FindDelegationCredential;
import com.calcomalt.contracts.calendar.FindDelegationCredentials;
import com.calcomalt.contracts.identity.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's delegation credentials, seen only by its ADMINs and OWNERs and by system admins,
 * as the commands that change them; to anyone else the organization has none to show. The
 * serviceAccountKey column is never read.
 */
@Component
@Transactional(readOnly = true)
class DelegationCredentialQueries {

    private static final String COLUMNS = """
            select id, enabled, domain, "organizationId", "workspacePlatformId", "createdAt", "updatedAt",
                   "lastEnabledAt", "lastDisabledAt" from "DelegationCredential" """;

    private final JdbcTemplate jdbc;

    DelegationCredentialQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<DelegationCredentials> handle(FindDelegationCredentials query) {
        if (!runsOrganization(query.caller(), query.organizationId())) {
            return Optional.empty();
        }
        return Optional.of(new DelegationCredentials(jdbc.query(COLUMNS
                + "where \"organizationId\" = ? order by \"createdAt\", id", DelegationCredentialQueries::view,
                query.organizationId())));
    }

    @QueryHandler
    Optional<DelegationCredentialView> handle(FindDelegationCredential query) {
        if (!runsOrganization(query.caller(), query.organizationId())) {
            return Optional.empty();
        }
        return jdbc.query(COLUMNS + "where id = ? and \"organizationId\" = ?", DelegationCredentialQueries::view,
                query.delegationCredentialId(), query.organizationId()).stream().findFirst();
    }

    /** An organization's accepted ADMIN or OWNER, or a system admin; a team key only of this organization. */
    private boolean runsOrganization(Caller caller, int organizationId) {
        if (caller.teamScope() != null && caller.teamScope() != organizationId) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (
                    select 1 from "Team" t where t.id = ? and t."isOrganization"
                      and (? or exists (select 1 from "Membership" m
                                        where m."teamId" = t.id and m."userId" = ? and m.accepted
                                          and m.role in ('ADMIN', 'OWNER'))))""",
                Boolean.class, organizationId, caller.systemAdmin(), caller.userId()));
    }

    private static DelegationCredentialView view(ResultSet rs, int row) throws SQLException {
        DelegationCredentialView.WorkspacePlatform platform = DelegationWorkspacePlatform.byId(rs.getInt(5))
                .map(p -> new DelegationCredentialView.WorkspacePlatform(p.displayName(), p.slug())).orElse(null);
        return new DelegationCredentialView(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getInt(4),
                platform, instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9));
    }
}
