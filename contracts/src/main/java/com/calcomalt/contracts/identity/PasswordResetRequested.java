package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PasswordResetRequested(String requestId, int userId, String email, Instant expires, Instant requestedAt) {
}
