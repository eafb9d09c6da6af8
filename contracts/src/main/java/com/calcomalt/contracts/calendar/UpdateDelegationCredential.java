package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.OwnedByOrganization;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a delegation credential like cal.com's PATCH: a new service account key (sealed by the web
 * layer), enabled or disabled; what is null stays. {@code organizationId} is the organization the
 * request names, which must be the credential's own.
 */
public record UpdateDelegationCredential(String delegationCredentialId, int organizationId,
                                         String encryptedServiceAccountKey, Boolean enabled) implements OwnedByOrganization {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return DelegationCredentialIds.aggregateId(delegationCredentialId);
    }

    @Override
    public String toString() {
        return "UpdateDelegationCredential[delegationCredentialId=" + delegationCredentialId + ", organizationId="
                + organizationId + ", encryptedServiceAccountKey="
                + (encryptedServiceAccountKey == null ? null : "***") + ", enabled=" + enabled + "]";
    }
}
