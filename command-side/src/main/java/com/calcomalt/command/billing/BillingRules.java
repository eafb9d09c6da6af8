package com.calcomalt.command.billing;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;

/** Who changes billing rows, and what a row must be. */
final class BillingRules {

    static final int MAX_TEXT = 255;

    private BillingRules() {
    }

    /**
     * Billing comes from the payment provider: only system admins (standing in for its webhook) change
     * it. A sub-team of an organization is billed by its organization and has no row of its own.
     */
    static TeamAccess requireSystemAdmin(Caller caller, TeamAccess access, int teamId) {
        if (caller == null || !caller.systemAdmin()) {
            throw new AccessDenied("Only system admins change the billing of team " + teamId);
        }
        if (access == null || access.teamId() != teamId) {
            throw new NotFound("No team " + teamId);
        }
        if (!access.isOrganization() && access.organizationId() != null) {
            throw new DomainRuleViolation("Team " + teamId + " is billed by its organization "
                    + access.organizationId() + "; it has no billing of its own");
        }
        return access;
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleViolation("A billing row names its " + what);
        }
        return text(value, what);
    }

    static String text(String value, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new DomainRuleViolation("A billing row's " + what + " has at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    static Integer notNegative(Integer value, String what) {
        if (value != null && value < 0) {
            throw new DomainRuleViolation("A billing row's " + what + " is not negative");
        }
        return value;
    }
}
