package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganizationProfileRemoved(int profileId, int userId, int organizationId, Instant removedAt) {
}
