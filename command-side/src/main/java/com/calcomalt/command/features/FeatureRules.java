package com.calcomalt.command.features;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.features.FeatureType;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.util.regex.Pattern;

/** What flags and their grants must be, apart from their state: who changes them, and their slugs. */
final class FeatureRules {

    /** cal.com's flag slugs: lower-case words joined by hyphens ("disable-bookings", "seat-billing"). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SLUG = 100;
    static final int MAX_DESCRIPTION = 1000;

    private FeatureRules() {
    }

    /** Flags are the operator's: cal.com's admin pages are for system admins only. */
    static void requireSystemAdmin(Caller caller, String what) {
        if (caller == null || !caller.systemAdmin()) {
            throw new AccessDenied("Only system admins " + what);
        }
    }

    static String slug(String slug) {
        if (slug == null || slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            throw new DomainRuleViolation("A feature's slug is lower-case words joined by hyphens, at most " + MAX_SLUG
                    + " characters, such as disable-bookings, not " + slug);
        }
        return slug;
    }

    static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new DomainRuleViolation("A feature's description has at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    static FeatureFacts existing(FeatureFacts feature, String slug) {
        if (feature == null) {
            throw new NotFound("No feature " + slug);
        }
        return feature;
    }

    /**
     * A team's or organization's ADMINs and OWNERs grant flags to it (an organization's also to its
     * sub-teams), system admins to any; a PERMISSION flag grants a right, so only system admins give it.
     */
    static void requireRunsTeam(Caller caller, TeamAccess access, int teamId, FeatureFacts feature) {
        if (caller == null) {
            throw new AccessDenied("Features are granted by a known caller");
        }
        if (access == null || access.teamId() != teamId) {
            throw new NotFound("No team " + teamId);
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner of team " + teamId + " grants it features");
        }
        if (feature.type() == FeatureType.PERMISSION && !caller.systemAdmin()) {
            throw new AccessDenied("Feature " + feature.slug() + " is a PERMISSION: only system admins grant it");
        }
    }
}
