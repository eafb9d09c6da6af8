package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The whole settings of an organization after the change, also when it is created. */
@Revision("1")
public record OrganizationSettingsUpdated(int teamId, int organizationSettingsId, OrganizationSettings settings, Instant updatedAt) {
}
