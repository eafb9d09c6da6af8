package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * What the import knows of a cal.com {@code Membership} row beyond its events: the custom role cal.com's
 * permission system gave it, and when cal.com last wrote the row (null where it never said).
 */
@Revision("1")
public record MembershipDetailsImported(int membershipId, int teamId, int userId, String customRoleId,
                                        Instant updatedAt) {
}
