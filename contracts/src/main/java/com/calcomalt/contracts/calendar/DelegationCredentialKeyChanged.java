package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The service account key was replaced; sealed, never printed. */
@Revision("1")
public record DelegationCredentialKeyChanged(String delegationCredentialId, int organizationId,
                                             String encryptedServiceAccountKey, Instant at) {

    @Override
    public String toString() {
        return "DelegationCredentialKeyChanged[delegationCredentialId=" + delegationCredentialId
                + ", organizationId=" + organizationId + ", at=" + at + "]";
    }
}
