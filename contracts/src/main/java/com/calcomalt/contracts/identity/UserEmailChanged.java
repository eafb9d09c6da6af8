package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserEmailChanged(int userId, String previousEmail, String email, Instant changedAt) {
}
