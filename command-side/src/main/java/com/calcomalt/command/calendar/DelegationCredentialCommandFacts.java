package com.calcomalt.command.calendar;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.support.CommandFacts;
import com.calcomalt.contracts.calendar.CreateDelegationCredential;
import com.calcomalt.contracts.calendar.UpdateDelegationCredential;
import com.calcomalt.contracts.identity.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds to a delegation credential command what the caller is to the organization the request names;
 * the aggregate checks that this is the credential's own organization.
 */
@Component
class DelegationCredentialCommandFacts extends CommandFacts {

    private final IdentityCommandFacts identityFacts;

    DelegationCredentialCommandFacts(IdentityCommandFacts identityFacts) {
        this.identityFacts = identityFacts;
    }

    @Override
    protected Map<String, Object> factsFor(Object command, Caller caller) {
        Integer organizationId = command instanceof CreateDelegationCredential c ? Integer.valueOf(c.organizationId())
                : command instanceof UpdateDelegationCredential c ? Integer.valueOf(c.organizationId()) : null;
        if (caller == null || organizationId == null) {
            return Map.of();
        }
        return identityFacts.access(caller, organizationId)
                .<Map<String, Object>>map(access -> Map.of(IdentityCommandFacts.ACCESS, access)).orElse(Map.of());
    }
}
