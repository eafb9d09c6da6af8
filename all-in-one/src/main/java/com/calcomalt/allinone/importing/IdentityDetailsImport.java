package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.contracts.identity.MembershipDetailsImported;
import com.calcomalt.contracts.identity.MembershipIds;
import com.calcomalt.contracts.identity.OrganizationProfileCreated;
import com.calcomalt.contracts.identity.SMSLockState;
import com.calcomalt.contracts.identity.TeamDetailsImported;
import com.calcomalt.contracts.identity.TeamIds;
import com.calcomalt.contracts.identity.UserDetailsImported;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rest of each imported user, team and membership row, after every other section: what a user may change
 * about themselves as their {@code UserProfileUpdated}, their system role, lock and impersonation setting as
 * the events that set them, and the columns no command of ours sets as one {@code ...DetailsImported} event.
 * It comes last so that the source's {@code users.organizationId} stands over the one the profiles gave.
 * cal.com keeps no time of these changes: the row's creation stands in. A user's organization or moved-to
 * profile that is not imported (reported in its own table) is reported and left empty, as cal.com's
 * {@code ON DELETE SET NULL} leaves it when that row is gone; the user is imported all the same.
 */
@Component
@Order(1000)
class IdentityDetailsImport implements ImportSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<Pending> events = new ArrayList<>();
        List<RuleBreak> breaks = new ArrayList<>();
        Set<Integer> profileIds = new HashSet<>();
        // The profiles ProfileImport writes, by its own rules.
        new ProfileImport().read(source, imported).events().forEach(e -> {
            if (e.payload() instanceof OrganizationProfileCreated profile) {
                profileIds.add(profile.profileId());
            }
        });
        users(source, imported, profileIds, events, breaks);
        teams(source, imported, events);
        memberships(source, imported, events);
        return new Result(Map.of(), events, breaks, List.of(), Map.of());
    }

    private static void users(Connection source, Imported imported, Set<Integer> profileIds, List<Pending> events,
                              List<RuleBreak> breaks) throws SQLException {
        each(source, """
                select id, username, name, bio, "timeZone", "weekStart", locale, "timeFormat", "avatarUrl",
                       "brandColor", "darkBrandColor", theme, "appTheme", "hideBranding", "allowDynamicBooking",
                       metadata::text, role::text, locked, "disableImpersonation", "startTime", "endTime",
                       "bufferTime", "emailVerified", "completedOnboarding", "twoFactorEnabled", "twoFactorSecret",
                       "invitedTo", verified, "trialEndsAt", "organizationId", "allowSEOIndexing", "backupCodes",
                       "receiveMonthlyDigestEmail", "movedToProfileId", "isPlatformManaged", "smsLockState"::text,
                       "smsLockReviewedByAdmin", "referralLinkId", "lastActiveAt", "whitelistWorkflows",
                       "requiresBookerEmailVerification", "autoOptInFeatures"
                from users order by id""", row -> {
            int id = row.getInt("id");
            Instant at = imported.userRegisteredAt().get(id);
            if (at == null) {
                return;
            }
            String aggregate = UserIds.aggregateId(id);
            Boolean allowDynamicBooking = bool(row, "allowDynamicBooking");
            Map<String, Object> metadata = json(row.getString("metadata"));
            // A profile as registered says nothing of these; only a user who set some gets the event.
            if (row.getString("bio") != null || row.getString("avatarUrl") != null
                    || row.getString("brandColor") != null || row.getString("darkBrandColor") != null
                    || row.getString("theme") != null || row.getString("appTheme") != null
                    || row.getBoolean("hideBranding") || Boolean.FALSE.equals(allowDynamicBooking)
                    || metadata != null) {
                events.add(new Pending("User", aggregate, new UserProfileUpdated(id, row.getString("username"),
                        row.getString("name"), row.getString("bio"), row.getString("timeZone"),
                        row.getString("weekStart"), row.getString("locale"), row.getInt("timeFormat"),
                        row.getString("avatarUrl"), row.getString("brandColor"), row.getString("darkBrandColor"),
                        row.getString("theme"), row.getString("appTheme"), row.getBoolean("hideBranding"),
                        !Boolean.FALSE.equals(allowDynamicBooking), metadata, at), at));
            }
            UserPermissionRole role = UserPermissionRole.valueOf(row.getString("role"));
            if (role != UserPermissionRole.USER) {
                events.add(new Pending("User", aggregate, new UserRoleChanged(id, role, at), at));
            }
            if (row.getBoolean("locked")) {
                events.add(new Pending("User", aggregate, new UserLocked(id, at), at));
            }
            if (row.getBoolean("disableImpersonation")) {
                events.add(new Pending("User", aggregate, new UserImpersonationSettingChanged(id, true, at), at));
            }
            Integer organizationId = integer(row, "organizationId");
            if (organizationId != null && !imported.teamIds().contains(organizationId)) {
                breaks.add(new RuleBreak("users", id, "organizationId " + organizationId
                        + " is a team not imported; left empty"));
                organizationId = null;
            }
            Integer movedToProfileId = integer(row, "movedToProfileId");
            if (movedToProfileId != null && !profileIds.contains(movedToProfileId)) {
                breaks.add(new RuleBreak("users", id, "movedToProfileId " + movedToProfileId
                        + " is a profile not imported; left empty"));
                movedToProfileId = null;
            }
            events.add(new Pending("User", aggregate, new UserDetailsImported(id, row.getInt("startTime"),
                    row.getInt("endTime"), row.getInt("bufferTime"), instant(row.getTimestamp("emailVerified")),
                    row.getBoolean("completedOnboarding"), row.getBoolean("twoFactorEnabled"),
                    row.getString("twoFactorSecret"), integer(row, "invitedTo"), bool(row, "verified"),
                    instant(row.getTimestamp("trialEndsAt")), allowDynamicBooking, organizationId,
                    bool(row, "allowSEOIndexing"), row.getString("backupCodes"),
                    bool(row, "receiveMonthlyDigestEmail"), movedToProfileId,
                    row.getBoolean("isPlatformManaged"), SMSLockState.valueOf(row.getString("smsLockState")),
                    row.getBoolean("smsLockReviewedByAdmin"), row.getString("referralLinkId"),
                    instant(row.getTimestamp("lastActiveAt")), row.getBoolean("whitelistWorkflows"),
                    bool(row, "requiresBookerEmailVerification"), row.getBoolean("autoOptInFeatures")), at));
        });
    }

    private static void teams(Connection source, Imported imported, List<Pending> events) throws SQLException {
        each(source, """
                select id, "createdAt", "pendingPayment", "isPlatform", "smsLockState"::text,
                       "createdByOAuthClientId", "smsLockReviewedByAdmin", "autoOptInFeatures"
                from "Team" order by id""", row -> {
            int id = row.getInt("id");
            if (!imported.teamIds().contains(id)) {
                return;
            }
            Instant at = instant(row.getTimestamp("createdAt"));
            events.add(new Pending("Team", TeamIds.aggregateId(id), new TeamDetailsImported(id,
                    row.getBoolean("pendingPayment"), row.getBoolean("isPlatform"),
                    SMSLockState.valueOf(row.getString("smsLockState")), row.getString("createdByOAuthClientId"),
                    row.getBoolean("smsLockReviewedByAdmin"), row.getBoolean("autoOptInFeatures")), at));
        });
    }

    private static void memberships(Connection source, Imported imported, List<Pending> events) throws SQLException {
        Set<Integer> membershipIds = new HashSet<>(imported.membershipIds().values());
        each(source, """
                select id, "teamId", "userId", "customRoleId", "createdAt", "updatedAt"
                from "Membership" order by id""", row -> {
            int id = row.getInt("id");
            if (!membershipIds.contains(id)) {
                return;
            }
            int userId = row.getInt("userId");
            Instant updated = instant(row.getTimestamp("updatedAt"));
            Instant created = instant(row.getTimestamp("createdAt"));
            Instant at = updated != null ? updated
                    : created != null ? created : imported.userRegisteredAt().get(userId);
            events.add(new Pending("Membership", MembershipIds.aggregateId(id), new MembershipDetailsImported(id,
                    row.getInt("teamId"), userId, row.getString("customRoleId"), updated), at));
        });
    }

    private static Boolean bool(ResultSet row, String column) throws SQLException {
        return (Boolean) row.getObject(column);
    }

    private static Map<String, Object> json(String text) {
        try {
            return text == null ? null : JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("Not a JSON object: " + text, e);
        }
    }
}
