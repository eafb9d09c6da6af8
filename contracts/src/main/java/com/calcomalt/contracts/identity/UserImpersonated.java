package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserImpersonated(int impersonationId, int userId, int impersonatedById, Instant impersonatedAt) {
}
