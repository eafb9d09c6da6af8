package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.calcomalt.platform.web.validation.TimeFormat;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A new team or organization, as cal.com's CreateTeamInput ({@link TeamUpdateInput} is a change).
 * {@code organizationSettings} is read for organizations only; {@code orgOwnerEmail}, as in cal.com's
 * organization creation, names the user a system admin creates an organization for, and is read on
 * creation only. cal.com's {@code autoAcceptCreator} may only be true (its default): a team starts with
 * one accepted owner.
 */
record TeamInput(
        @NotBlank @Size(max = 255) String name,
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 64) String slug,
        @Size(max = 5000) String bio,
        Boolean hideBranding,
        Boolean hideBookATeamMember,
        @Size(max = 32) String brandColor,
        @Size(max = 32) String darkBrandColor,
        @Size(max = 32) String theme,
        @Size(max = 2048) String logoUrl,
        @Size(max = 2048) String calVideoLogo,
        @Size(max = 2048) String appLogo,
        @Size(max = 2048) String appIconLogo,
        @Size(max = 2048) String bannerUrl,
        @TimeFormat Integer timeFormat,
        @IanaTimeZone String timeZone,
        @Pattern(regexp = UserCommandController.WEEK_DAY) String weekStart,
        Boolean isPrivate,
        Map<String, Object> metadata,
        Map<String, Object> bookingLimits,
        Boolean includeManagedEventsInLimits,
        RRResetInterval rrResetInterval,
        RRTimestampBasis rrTimestampBasis,
        Boolean hideTeamProfileLink,
        OrganizationSettings organizationSettings,
        @Email @Size(max = 255) String orgOwnerEmail,
        @AssertTrue(message = "is true: whoever creates a team is its accepted owner, so that it has one")
        Boolean autoAcceptCreator) {

    TeamSettings settings() {
        return new TeamSettings(bio, hideBranding, hideBookATeamMember, brandColor, darkBrandColor, theme, logoUrl,
                calVideoLogo, appLogo, appIconLogo, bannerUrl, timeFormat, timeZone, weekStart, isPrivate, metadata,
                bookingLimits, includeManagedEventsInLimits, rrResetInterval, rrTimestampBasis, hideTeamProfileLink);
    }
}
