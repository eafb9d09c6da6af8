package com.calcomalt.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.calendar.DelegationCredentialDisabled;
import com.calcomalt.contracts.calendar.DelegationCredentialEnabled;
import com.calcomalt.contracts.calendar.DelegationCredentialIds;
import com.calcomalt.contracts.calendar.DelegationCredentialKeyChanged;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.query.support.QuerySideTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delegation credential events through the event store and the real processor into both of cal.com's tables. */
class DelegationCredentialProjectorTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");
    private static final Instant T2 = Instant.parse("2026-03-29T01:00:01.750Z");
    private static final String SEALED = "v1:c2VhbGVkIGtleQ==";
    private static final String RESEALED = "v1:YW5vdGhlciBzZWFsZWQga2V5";

    private int organization() {
        int owner = uniqueId();
        publish("User", "user:" + owner, new UserRegistered(owner, UUID.randomUUID(), "d" + owner + "@example.com",
                "d" + owner, null, "UTC", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        int orgId = uniqueId();
        publish("Team", "team:" + orgId, new TeamCreated(orgId, "Acme", "acme-" + orgId, null, true,
                new TeamSettings(null, false, false, null, null, null, null, null, null, null, null, null, "UTC",
                        "Monday", false, null, null, false, RRResetInterval.MONTH, RRTimestampBasis.CREATED_AT, false),
                owner, T0));
        return orgId;
    }

    private Map<String, Object> delegationCredential(String id) {
        return jdbc.queryForMap("""
                select "workspacePlatformId", "serviceAccountKey"::text as key, enabled, "organizationId", domain,
                       "createdAt"::text as created, "updatedAt"::text as updated, "lastEnabledAt"::text as enabled_at,
                       "lastDisabledAt"::text as disabled_at
                from "DelegationCredential" where id = ?""", id);
    }

    private Map<String, Object> domainWideDelegation(String id) {
        return jdbc.queryForMap("""
                select "workspacePlatformId", "serviceAccountKey"::text as key, enabled, "organizationId", domain,
                       "createdAt"::text as created, "updatedAt"::text as updated
                from "DomainWideDelegation" where id = ?""", id);
    }

    @Test
    void a_delegation_credential_is_projected_column_for_column_into_both_tables_and_follows_its_changes() {
        int orgId = organization();
        String id = UUID.randomUUID().toString();
        String stream = DelegationCredentialIds.aggregateId(id);
        publish("DelegationCredential", stream,
                new DelegationCredentialCreated(id, orgId, 1, "acme.com", SEALED, T0));
        awaitProjectionsCaughtUp();

        String sealedColumn = "{\"encrypted_credentials\": \"" + SEALED + "\"}";
        assertThat(delegationCredential(id)).containsEntry("workspacePlatformId", 1).containsEntry("key", sealedColumn)
                .containsEntry("enabled", false).containsEntry("organizationId", orgId).containsEntry("domain", "acme.com")
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("updated", "2026-03-29 00:59:59.25")
                .containsEntry("enabled_at", null).containsEntry("disabled_at", null);
        assertThat(domainWideDelegation(id)).containsEntry("workspacePlatformId", 1).containsEntry("key", sealedColumn)
                .containsEntry("enabled", false).containsEntry("organizationId", orgId).containsEntry("domain", "acme.com")
                .containsEntry("created", "2026-03-29 00:59:59.25").containsEntry("updated", "2026-03-29 00:59:59.25");

        publish("DelegationCredential", stream, new DelegationCredentialEnabled(id, orgId, T1));
        awaitProjectionsCaughtUp();
        assertThat(delegationCredential(id)).containsEntry("enabled", true)
                .containsEntry("enabled_at", "2026-03-29 01:00:00.5").containsEntry("updated", "2026-03-29 01:00:00.5");
        assertThat(domainWideDelegation(id)).containsEntry("enabled", true)
                .containsEntry("updated", "2026-03-29 01:00:00.5");

        publish("DelegationCredential", stream, new DelegationCredentialKeyChanged(id, orgId, RESEALED, T2),
                new DelegationCredentialDisabled(id, orgId, T2));
        awaitProjectionsCaughtUp();
        String resealedColumn = "{\"encrypted_credentials\": \"" + RESEALED + "\"}";
        assertThat(delegationCredential(id)).containsEntry("key", resealedColumn).containsEntry("enabled", false)
                .containsEntry("enabled_at", "2026-03-29 01:00:00.5")
                .containsEntry("disabled_at", "2026-03-29 01:00:01.75")
                .containsEntry("updated", "2026-03-29 01:00:01.75");
        assertThat(domainWideDelegation(id)).containsEntry("key", resealedColumn).containsEntry("enabled", false)
                .containsEntry("updated", "2026-03-29 01:00:01.75");
    }

    @Test
    void a_replay_rebuilds_the_same_rows_in_both_tables() {
        int orgId = organization();
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        publish("DelegationCredential", DelegationCredentialIds.aggregateId(id),
                new DelegationCredentialCreated(id, orgId, 1, "acme.com", SEALED, T0),
                new DelegationCredentialEnabled(id, orgId, T1));
        publish("DelegationCredential", DelegationCredentialIds.aggregateId(other),
                new DelegationCredentialCreated(other, orgId, 2, "eu.acme.com", SEALED, T1),
                new DelegationCredentialKeyChanged(other, orgId, RESEALED, T2));
        awaitProjectionsCaughtUp();
        List<String> credentials = rowsAsJson("DelegationCredential");
        List<String> delegations = rowsAsJson("DomainWideDelegation");

        projections.replayAll();
        awaitProjectionsCaughtUp();

        assertThat(rowsAsJson("DelegationCredential")).isEqualTo(credentials).isNotEmpty();
        assertThat(rowsAsJson("DomainWideDelegation")).isEqualTo(delegations).isNotEmpty();
    }

    @Test
    void deleting_the_organization_deletes_its_credentials_and_a_late_change_finds_nothing_to_change() {
        int orgId = organization();
        String id = UUID.randomUUID().toString();
        publish("DelegationCredential", DelegationCredentialIds.aggregateId(id),
                new DelegationCredentialCreated(id, orgId, 1, "acme.com", SEALED, T0));
        publish("Team", "team:" + orgId, new TeamDeleted(orgId, null, T1));
        publish("DelegationCredential", DelegationCredentialIds.aggregateId(id),
                new DelegationCredentialEnabled(id, orgId, T2));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForObject("select count(*) from \"DelegationCredential\" where id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"DomainWideDelegation\" where id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from eventstore.dead_letter_entry where aggregate_identifier = ?",
                Integer.class, DelegationCredentialIds.aggregateId(id))).as("nothing dead-lettered").isZero();
    }
}
