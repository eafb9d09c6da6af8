package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountUnlinked(String accountId, int userId, String provider, String providerAccountId, Instant unlinkedAt) {
}
