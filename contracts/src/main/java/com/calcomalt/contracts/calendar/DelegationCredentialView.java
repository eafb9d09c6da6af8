package com.calcomalt.contracts.calendar;

import java.time.Instant;

/** A delegation credential as cal.com's API shows it: nothing of the service account key. */
public record DelegationCredentialView(String id, boolean enabled, String domain, int organizationId,
                                      WorkspacePlatform workspacePlatform, Instant createdAt, Instant updatedAt,
                                      Instant lastEnabledAt, Instant lastDisabledAt) {

    public record WorkspacePlatform(String name, String slug) {
    }
}
