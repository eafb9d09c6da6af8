package com.calcomalt.command.calendar;

import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.calendar.DelegationWorkspacePlatform;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a delegation credential must be, apart from its state: who manages it, its domain, platform and key. */
final class DelegationCredentialRules {

    /** A DNS name of at least two labels, in ASCII (an internationalized domain in its xn-- form). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private DelegationCredentialRules() {
    }

    /** Only an organization's ADMINs and OWNERs (and system admins) see or change its delegation credentials. */
    static void requireRunsOrganization(Caller caller, TeamAccess access, int organizationId) {
        if (caller == null) {
            throw new AccessDenied("Delegation credentials are managed by a known caller");
        }
        if (access == null || access.teamId() != organizationId) {
            throw new NotFound("No organization " + organizationId);
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner of organization " + organizationId
                    + " manages its delegation credentials");
        }
        if (!access.isOrganization()) {
            throw new DomainRuleViolation("Team " + organizationId + " is not an organization; only organizations"
                    + " have delegation credentials");
        }
    }

    /** The domain as it is kept: email domains are case-insensitive, so one organization cannot list one twice. */
    static String domain(String domain) {
        String normal = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(normal).matches()) {
            throw new DomainRuleViolation("A delegation credential's domain is a domain name such as example.com, not "
                    + domain);
        }
        return normal;
    }

    static int workspacePlatform(int workspacePlatformId) {
        if (DelegationWorkspacePlatform.byId(workspacePlatformId).isEmpty()) {
            throw new DomainRuleViolation("No workspace platform " + workspacePlatformId);
        }
        return workspacePlatformId;
    }

    static String serviceAccountKey(String encryptedServiceAccountKey) {
        if (encryptedServiceAccountKey == null || encryptedServiceAccountKey.isBlank()) {
            throw new DomainRuleViolation("A delegation credential needs a service account key");
        }
        return encryptedServiceAccountKey;
    }
}
