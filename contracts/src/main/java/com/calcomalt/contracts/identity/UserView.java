package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A user as cal.com's API v2 shows one. */
public record UserView(
        int id,
        UUID uuid,
        String email,
        Instant emailVerified,
        String username,
        String name,
        String bio,
        String avatarUrl,
        String timeZone,
        String weekStart,
        int timeFormat,
        String locale,
        Integer defaultScheduleId,
        String brandColor,
        String darkBrandColor,
        String theme,
        String appTheme,
        boolean hideBranding,
        boolean allowDynamicBooking,
        boolean verified,
        boolean locked,
        boolean disableImpersonation,
        String role,
        IdentityProvider identityProvider,
        Integer organizationId,
        Map<String, Object> metadata,
        Instant createdDate) {

    /** The user with the default schedule and organization that other aggregates decide. */
    public UserView placed(Integer defaultScheduleId, Integer organizationId) {
        return new UserView(id, uuid, email, emailVerified, username, name, bio, avatarUrl, timeZone, weekStart,
                timeFormat, locale, defaultScheduleId, brandColor, darkBrandColor, theme, appTheme, hideBranding,
                allowDynamicBooking, verified, locked, disableImpersonation, role, identityProvider, organizationId,
                metadata, createdDate);
    }
}
