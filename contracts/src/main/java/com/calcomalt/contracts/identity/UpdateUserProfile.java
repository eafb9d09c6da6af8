package com.calcomalt.contracts.identity;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes what a user says about themselves, like a PATCH: a null field stays as it is. The email
 * is part of it so that one request changes the email and the rest atomically; an email change is
 * published as its own {@link UserEmailChanged}.
 */
public record UpdateUserProfile(
        int userId,
        String email,
        String username,
        String name,
        String bio,
        String timeZone,
        String weekStart,
        String locale,
        Integer timeFormat,
        String avatarUrl,
        String brandColor,
        String darkBrandColor,
        String theme,
        String appTheme,
        Boolean hideBranding,
        Boolean allowDynamicBooking,
        Map<String, Object> metadata) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserIds.aggregateId(userId);
    }
}
