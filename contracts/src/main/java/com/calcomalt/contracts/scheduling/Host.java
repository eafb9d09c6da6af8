package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/** A host as the Host row keeps it; memberId is the host's membership of the team. */
public record Host(int userId, Integer memberId, boolean isFixed, Integer priority, Integer weight, Integer scheduleId, Instant createdAt) {
}
