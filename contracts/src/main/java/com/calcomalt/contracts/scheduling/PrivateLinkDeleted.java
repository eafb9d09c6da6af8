package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PrivateLinkDeleted(int eventTypeId, int linkId, Instant deletedAt) {
}
