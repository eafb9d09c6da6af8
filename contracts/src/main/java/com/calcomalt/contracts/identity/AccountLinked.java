package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountLinked(String accountId, int userId, String type, String provider, String providerAccountId, String providerEmail, String scope, Instant linkedAt) {
}
