package com.calcomalt.contracts.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OutOfOfficeReasonCreated(int reasonId, String emoji, String reason, Integer userId, Instant createdAt) {
}
