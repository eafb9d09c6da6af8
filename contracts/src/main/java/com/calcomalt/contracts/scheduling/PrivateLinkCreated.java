package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PrivateLinkCreated(int eventTypeId, int linkId, String link, Instant expiresAt, int maxUsageCount, Instant createdAt) {
}
