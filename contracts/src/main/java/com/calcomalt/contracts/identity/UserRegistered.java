package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserRegistered(
        int userId,
        UUID uuid,
        String email,
        String username,
        String name,
        String timeZone,
        String weekStart,
        String locale,
        int timeFormat,
        IdentityProvider identityProvider,
        String identityProviderId,
        CreationSource creationSource,
        Instant registeredAt) {
}
