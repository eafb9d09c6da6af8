package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.OrganizationSettings;
import com.calcomalt.contracts.identity.OrganizationSettingsUpdated;
import com.calcomalt.contracts.identity.TeamIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's settings of organizations: each the {@code OrganizationSettingsUpdated} its organization's creation
 * would have given, at the organization's {@code createdAt}.
 */
@Component
@Order(110)
class OrganizationSettingsImport implements ImportSection {

    /** The auto-accept domain as the Team aggregate keeps it (TeamRules): lower case, a dot before the top level. */
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9-]+\\.)+[a-z]{2,}");

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        Map<Integer, Instant> createdAt = new HashMap<>();
        each(source, "select id, \"createdAt\" from \"Team\"", row -> createdAt.put(row.getInt("id"),
                instant(row.getTimestamp("createdAt"))));
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        each(source, """
                select * from "OrganizationSettings" order by id""", row -> {
            int id = row.getInt("id");
            int organizationId = row.getInt("organizationId");
            String domain = row.getString("orgAutoAcceptEmail");
            if (!imported.organizationIds().contains(organizationId)) {
                breaks.add(new RuleBreak("OrganizationSettings", id, "organization " + organizationId
                        + " is not imported or not an organization"));
                return;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                breaks.add(new RuleBreak("OrganizationSettings", id, "orgAutoAcceptEmail '" + domain
                        + "' is not an email domain such as 'acme.com'"));
                return;
            }
            OrganizationSettings settings = new OrganizationSettings(domain,
                    row.getBoolean("isOrganizationConfigured"), row.getBoolean("isOrganizationVerified"),
                    row.getBoolean("lockEventTypeCreationForUsers"), row.getBoolean("isAdminReviewed"),
                    row.getBoolean("adminGetsNoSlotsNotification"), row.getBoolean("isAdminAPIEnabled"),
                    row.getBoolean("allowSEOIndexing"), row.getBoolean("orgProfileRedirectsToVerifiedDomain"),
                    row.getBoolean("disablePhoneOnlySMSNotifications"), row.getBoolean("disableAutofillOnBookingPage"),
                    row.getBoolean("orgAutoJoinOnSignup"), row.getBoolean("disableAttendeeAwaitingPaymentEmail"),
                    row.getBoolean("disableAttendeeCancellationEmail"),
                    row.getBoolean("disableAttendeeConfirmationEmail"),
                    row.getBoolean("disableAttendeeLocationChangeEmail"),
                    row.getBoolean("disableAttendeeNewEventEmail"), row.getBoolean("disableAttendeeReassignedEmail"),
                    row.getBoolean("disableAttendeeRequestEmail"),
                    row.getBoolean("disableAttendeeRescheduleRequestEmail"),
                    row.getBoolean("disableAttendeeRescheduledEmail"));
            Instant at = createdAt.get(organizationId);
            events.add(new Pending("Team", TeamIds.aggregateId(organizationId),
                    new OrganizationSettingsUpdated(organizationId, id, settings, at), at));
        });
        return new Result(Map.of("OrganizationSettings", events.size()), events, breaks, List.of(),
                Map.of("OrganizationSettings", SectionRows.maxId(source, "OrganizationSettings")));
    }
}
