package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** The whole profile after the change, so a projector can write it without knowing what came before. */
@Revision("1")
public record UserProfileUpdated(
        int userId,
        String username,
        String name,
        String bio,
        String timeZone,
        String weekStart,
        String locale,
        int timeFormat,
        String avatarUrl,
        String brandColor,
        String darkBrandColor,
        String theme,
        String appTheme,
        boolean hideBranding,
        boolean allowDynamicBooking,
        Map<String, Object> metadata,
        Instant updatedAt) {
}
