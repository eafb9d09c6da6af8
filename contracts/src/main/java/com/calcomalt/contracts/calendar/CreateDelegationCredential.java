package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.OwnedByOrganization;

/**
 * Records an organization's delegation to a workspace platform for one email domain. The service
 * account key comes sealed by the web layer, so no command carries it in plaintext.
 */
public record CreateDelegationCredential(String delegationCredentialId, int organizationId, int workspacePlatformId,
                                         String domain, String encryptedServiceAccountKey) implements OwnedByOrganization {

    @Override
    public String toString() {
        return "CreateDelegationCredential[delegationCredentialId=" + delegationCredentialId + ", organizationId="
                + organizationId + ", workspacePlatformId=" + workspacePlatformId + ", domain=" + domain + "]";
    }
}
