package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user joined an organization: their profile there, with a username unique inside it. */
@Revision("1")
public record OrganizationProfileCreated(int profileId, String uid, int userId, int organizationId, String username, Instant createdAt) {
}
