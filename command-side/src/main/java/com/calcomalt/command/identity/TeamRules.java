package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules of a team's data, and cal.com's defaults for what a new team does not say. */
final class TeamRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9-]+\\.)+[a-z]{2,}");

    static final TeamSettings DEFAULTS = new TeamSettings(null, false, false, null, null, null, null, null, null, null,
            null, null, "Europe/London", "Sunday", false, null, null, false, RRResetInterval.MONTH,
            RRTimestampBasis.CREATED_AT, false);

    static final OrganizationSettings ORGANIZATION_DEFAULTS = new OrganizationSettings(null, false, false, false,
            false, false, false, false, false, false, false, true, false, false, false, false, false, false, false,
            false, false);

    private TeamRules() {
    }

    /**
     * Who creates an organization, as cal.com decides it: a system admin, for themself or for the owner
     * they name; anyone else only when the operator turned self-serve on, and only one they own.
     */
    static void requireMayCreateOrganization(Caller caller, boolean selfServe, String orgOwnerEmail,
                                             UserFacts owner) {
        if (caller.systemAdmin()) {
            return;
        }
        if (!selfServe) {
            throw new AccessDenied("Only admins can create organizations");
        }
        if (orgOwnerEmail != null && (owner == null || owner.userId() != caller.userId())) {
            throw new AccessDenied("Only a system admin creates an organization for another owner;"
                    + " you may create one you own");
        }
    }

    static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new DomainRuleViolation("A team's name has 1 to 255 characters");
        }
    }

    static void requireSlug(String slug) {
        if (slug != null && (slug.length() > 64 || !SLUG.matcher(slug).matches())) {
            throw new DomainRuleViolation("A slug is lower-case letters and digits in words joined by '-', such as"
                    + " 'sales-team'; '" + slug + "' is not");
        }
    }

    static void requireSettings(TeamSettings settings) {
        UserRules.requireTimeZone(settings.timeZone());
        UserRules.requireWeekStart(settings.weekStart());
        if (settings.timeFormat() != null) {
            UserRules.requireTimeFormat(settings.timeFormat());
        }
    }

    /** An organization names the email domain whose users join it without accepting, as "acme.com". */
    static String requireAutoAcceptDomain(String domain) {
        String normalized = domain == null ? null : domain.trim().toLowerCase(Locale.ROOT);
        if (normalized == null || !DOMAIN.matcher(normalized).matches()) {
            throw new DomainRuleViolation("An organization needs orgAutoAcceptEmail, an email domain such as"
                    + " 'acme.com'; '" + domain + "' is not");
        }
        return normalized;
    }

    static TeamSettings merge(TeamSettings current, TeamSettings change) {
        if (change == null) {
            return current;
        }
        return new TeamSettings(
                keep(change.bio(), current.bio()),
                keep(change.hideBranding(), current.hideBranding()),
                keep(change.hideBookATeamMember(), current.hideBookATeamMember()),
                keep(change.brandColor(), current.brandColor()),
                keep(change.darkBrandColor(), current.darkBrandColor()),
                keep(change.theme(), current.theme()),
                keep(change.logoUrl(), current.logoUrl()),
                keep(change.calVideoLogo(), current.calVideoLogo()),
                keep(change.appLogo(), current.appLogo()),
                keep(change.appIconLogo(), current.appIconLogo()),
                keep(change.bannerUrl(), current.bannerUrl()),
                keep(change.timeFormat(), current.timeFormat()),
                keep(change.timeZone(), current.timeZone()),
                keep(change.weekStart(), current.weekStart()),
                keep(change.isPrivate(), current.isPrivate()),
                keep(change.metadata(), current.metadata()),
                keep(change.bookingLimits(), current.bookingLimits()),
                keep(change.includeManagedEventsInLimits(), current.includeManagedEventsInLimits()),
                keep(change.rrResetInterval(), current.rrResetInterval()),
                keep(change.rrTimestampBasis(), current.rrTimestampBasis()),
                keep(change.hideTeamProfileLink(), current.hideTeamProfileLink()));
    }

    static OrganizationSettings merge(OrganizationSettings current, OrganizationSettings change) {
        if (change == null) {
            return current;
        }
        return new OrganizationSettings(
                keep(change.orgAutoAcceptEmail(), current.orgAutoAcceptEmail()),
                keep(change.isOrganizationConfigured(), current.isOrganizationConfigured()),
                keep(change.isOrganizationVerified(), current.isOrganizationVerified()),
                keep(change.lockEventTypeCreationForUsers(), current.lockEventTypeCreationForUsers()),
                keep(change.isAdminReviewed(), current.isAdminReviewed()),
                keep(change.adminGetsNoSlotsNotification(), current.adminGetsNoSlotsNotification()),
                keep(change.isAdminAPIEnabled(), current.isAdminAPIEnabled()),
                keep(change.allowSEOIndexing(), current.allowSEOIndexing()),
                keep(change.orgProfileRedirectsToVerifiedDomain(), current.orgProfileRedirectsToVerifiedDomain()),
                keep(change.disablePhoneOnlySMSNotifications(), current.disablePhoneOnlySMSNotifications()),
                keep(change.disableAutofillOnBookingPage(), current.disableAutofillOnBookingPage()),
                keep(change.orgAutoJoinOnSignup(), current.orgAutoJoinOnSignup()),
                keep(change.disableAttendeeAwaitingPaymentEmail(), current.disableAttendeeAwaitingPaymentEmail()),
                keep(change.disableAttendeeCancellationEmail(), current.disableAttendeeCancellationEmail()),
                keep(change.disableAttendeeConfirmationEmail(), current.disableAttendeeConfirmationEmail()),
                keep(change.disableAttendeeLocationChangeEmail(), current.disableAttendeeLocationChangeEmail()),
                keep(change.disableAttendeeNewEventEmail(), current.disableAttendeeNewEventEmail()),
                keep(change.disableAttendeeReassignedEmail(), current.disableAttendeeReassignedEmail()),
                keep(change.disableAttendeeRequestEmail(), current.disableAttendeeRequestEmail()),
                keep(change.disableAttendeeRescheduleRequestEmail(), current.disableAttendeeRescheduleRequestEmail()),
                keep(change.disableAttendeeRescheduledEmail(), current.disableAttendeeRescheduledEmail()));
    }

    static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }
}
