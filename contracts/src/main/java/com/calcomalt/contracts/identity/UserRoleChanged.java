package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserRoleChanged(int userId, UserPermissionRole role, Instant changedAt) {
}
