package com.calcomalt.command.calendar;

import com.calcomalt.contracts.calendar.DelegationCredentialCreated;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.platform.domain.DomainConflict;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One delegation credential per organization and domain (cal.com's
 * "DelegationCredential_organizationId_domain_key"), claimed in the transaction that appends the
 * credential's event: of two concurrent credentials for one domain, one is rolled back.
 */
@Component
@ProcessingGroup("identity-registry")
class DelegationCredentialRegistry {

    private final JdbcTemplate jdbc;

    DelegationCredentialRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DelegationCredentialCreated event) {
        try {
            jdbc.update("""
                    insert into command_side.delegation_credentials (delegation_credential_id, organization_id, domain)
                    values (?, ?, ?)""", event.delegationCredentialId(), event.organizationId(), event.domain());
        } catch (DuplicateKeyException e) {
            throw new DomainConflict("Organization " + event.organizationId()
                    + " already has a delegation credential for " + event.domain());
        }
    }

    /** cal.com deletes an organization's credentials with it, so its domains are free again. */
    @EventHandler
    void on(TeamDeleted event) {
        jdbc.update("delete from command_side.delegation_credentials where organization_id = ?", event.teamId());
    }
}
