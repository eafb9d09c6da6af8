package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.List;

/** Who impersonated a user, and when, oldest first. */
public record Impersonations(List<Impersonation> impersonations) {

    public record Impersonation(int id, int impersonatedUserId, int impersonatedById, Instant createdAt) {
    }
}
