package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Carries the bcrypt hash only. */
@Revision("1")
public record UserPasswordChanged(int userId, String passwordHash, Instant changedAt) {
}
