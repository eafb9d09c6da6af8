package com.calcomalt.contracts.identity;

import java.time.Instant;
import java.util.Map;

/** A team or an organization as cal.com's API v2 shows one; {@code organizationSettings} only for an organization. */
public record TeamView(int id, Integer parentId, String name, String slug, String logoUrl, String calVideoLogo, String appLogo, String appIconLogo, String bio, boolean hideBranding, boolean isOrganization, boolean isPrivate, boolean hideBookATeamMember, Map<String, Object> metadata, String theme, String brandColor, String darkBrandColor, String bannerUrl, Integer timeFormat, String timeZone, String weekStart, Instant createdAt, OrganizationSettings organizationSettings) {
}
