package com.calcomalt.contracts.identity;

import java.util.Map;

/** The columns of cal.com's Team a team's admins may change. In a command a null field means "as it is"; in an event every field is set. */
public record TeamSettings(String bio, Boolean hideBranding, Boolean hideBookATeamMember, String brandColor, String darkBrandColor, String theme, String logoUrl, String calVideoLogo, String appLogo, String appIconLogo, String bannerUrl, Integer timeFormat, String timeZone, String weekStart, Boolean isPrivate, Map<String, Object> metadata, Map<String, Object> bookingLimits, Boolean includeManagedEventsInLimits, RRResetInterval rrResetInterval, RRTimestampBasis rrTimestampBasis, Boolean hideTeamProfileLink) {
}
