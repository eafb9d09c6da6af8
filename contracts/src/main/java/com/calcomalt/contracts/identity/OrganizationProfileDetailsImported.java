package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** When cal.com last wrote an imported {@code Profile} row: no event of ours changes a profile after it is made. */
@Revision("1")
public record OrganizationProfileDetailsImported(int profileId, int userId, int organizationId, Instant updatedAt) {
}
