package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EventTypeDeleted(int eventTypeId, Integer userId, Integer teamId, Integer parentId, Instant deletedAt) {
}
