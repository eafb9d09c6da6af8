package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The request is used up: it expires at {@code completedAt}. The new password follows as {@link UserPasswordChanged}. */
@Revision("1")
public record PasswordResetCompleted(String requestId, int userId, Instant completedAt) {
}
