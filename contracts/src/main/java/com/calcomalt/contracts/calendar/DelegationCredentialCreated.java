package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization recorded a delegation credential; it starts disabled, as in cal.com, because
 * enabling is a step of its own. The service account key is sealed (see the platform's SecretBox)
 * and never printed.
 */
@Revision("1")
public record DelegationCredentialCreated(String delegationCredentialId, int organizationId, int workspacePlatformId,
                                          String domain, String encryptedServiceAccountKey, Instant createdAt) {

    @Override
    public String toString() {
        return "DelegationCredentialCreated[delegationCredentialId=" + delegationCredentialId + ", organizationId="
                + organizationId + ", workspacePlatformId=" + workspacePlatformId + ", domain=" + domain
                + ", createdAt=" + createdAt + "]";
    }
}
