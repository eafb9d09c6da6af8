package com.calcomalt.allinone.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Compares cal.com tables of two databases row by row: the row count, and per id an md5 over the
 * reference columns as PostgreSQL prints them, so both sides are read by the same rules. Works on
 * any two databases with cal.com's schema.
 */
public final class TableCompare {

    /** The columns an import reproduces exactly, per table; other columns are not carried by the events yet. */
    public static final Map<String, List<String>> REFERENCE_COLUMNS = new LinkedHashMap<>();

    static {
        REFERENCE_COLUMNS.put("users", List.of("id", "uuid", "email", "username", "name", "timeZone", "weekStart",
                "locale", "timeFormat", "identityProvider", "identityProviderId", "creationSource", "created",
                "defaultScheduleId", "bio", "startTime", "endTime", "bufferTime", "emailVerified", "hideBranding",
                "theme", "completedOnboarding", "twoFactorEnabled", "twoFactorSecret", "brandColor", "invitedTo",
                "metadata", "verified", "darkBrandColor", "trialEndsAt", "allowDynamicBooking", "role",
                "disableImpersonation", "organizationId", "allowSEOIndexing", "backupCodes",
                "receiveMonthlyDigestEmail", "avatarUrl", "locked", "appTheme", "movedToProfileId",
                "isPlatformManaged", "smsLockState", "smsLockReviewedByAdmin", "referralLinkId", "lastActiveAt",
                "whitelistWorkflows", "requiresBookerEmailVerification", "autoOptInFeatures"));
        REFERENCE_COLUMNS.put("Team", List.of("id", "name", "slug", "parentId", "isOrganization", "createdAt", "bio",
                "hideBranding", "hideBookATeamMember", "brandColor", "darkBrandColor", "theme", "logoUrl",
                "calVideoLogo", "appLogo", "appIconLogo", "bannerUrl", "timeFormat", "timeZone", "weekStart",
                "isPrivate", "metadata", "bookingLimits", "includeManagedEventsInLimits", "rrResetInterval",
                "rrTimestampBasis", "hideTeamProfileLink", "pendingPayment", "isPlatform", "smsLockState",
                "createdByOAuthClientId", "smsLockReviewedByAdmin", "autoOptInFeatures"));
        REFERENCE_COLUMNS.put("OrganizationSettings", List.of("id", "organizationId", "isOrganizationConfigured",
                "isOrganizationVerified", "orgAutoAcceptEmail", "lockEventTypeCreationForUsers", "isAdminReviewed",
                "adminGetsNoSlotsNotification", "isAdminAPIEnabled", "allowSEOIndexing",
                "orgProfileRedirectsToVerifiedDomain", "disablePhoneOnlySMSNotifications",
                "disableAutofillOnBookingPage", "orgAutoJoinOnSignup", "disableAttendeeAwaitingPaymentEmail",
                "disableAttendeeCancellationEmail", "disableAttendeeConfirmationEmail",
                "disableAttendeeLocationChangeEmail", "disableAttendeeNewEventEmail", "disableAttendeeReassignedEmail",
                "disableAttendeeRequestEmail", "disableAttendeeRescheduleRequestEmail",
                "disableAttendeeRescheduledEmail"));
        REFERENCE_COLUMNS.put("Membership", List.of("id", "teamId", "userId", "accepted", "role",
                "disableImpersonation", "createdAt", "updatedAt", "customRoleId"));
        REFERENCE_COLUMNS.put("Schedule", List.of("id", "userId", "name", "timeZone"));
        REFERENCE_COLUMNS.put("Availability", List.of("id", "scheduleId", "days", "date", "startTime", "endTime",
                "userId", "eventTypeId"));
        // The columns no command of ours sets come with EventTypeColumnsImported.
        REFERENCE_COLUMNS.put("EventType", List.of("id", "userId", "teamId", "parentId", "schedulingType",
                "createdAt", "title", "slug", "description", "length", "hidden", "position", "locations", "eventName",
                "timeZone", "periodType", "periodDays", "periodStartDate", "periodEndDate", "periodCountCalendarDays",
                "requiresConfirmation", "requiresConfirmationWillBlockSlot", "minimumBookingNotice",
                "beforeEventBuffer", "afterEventBuffer", "slotInterval", "seatsPerTimeSlot", "seatsShowAttendees",
                "seatsShowAvailabilityCount", "scheduleId", "bookingFields", "metadata", "bookingLimits",
                "durationLimits", "recurringEvent", "price", "currency", "disableGuests", "hideCalendarNotes",
                "hideCalendarEventDetails", "successRedirectUrl", "forwardParamsSuccessRedirect",
                "lockTimeZoneToggleOnBookingPage", "lockedTimeZone", "onlyShowFirstAvailableSlot", "eventTypeColor",
                "offsetStart", "requiresBookerEmailVerification", "useBookerTimezone", "disableCancelling",
                "disableRescheduling", "allowReschedulingPastBookings", "allowReschedulingCancelledBookings",
                "minimumRescheduleNotice", "maxLeadThreshold", "maxActiveBookingsPerBooker", "customReplyToEmail",
                "interfaceLanguage", "isRRWeightsEnabled", "rescheduleWithSameRoundRobinHost", "assignAllTeamMembers",
                "hideOrganizerEmail", "isInstantEvent", "profileId", "useEventTypeDestinationCalendarEmail",
                "secondaryEmailId", "instantMeetingExpiryTimeOffsetInSeconds", "instantMeetingScheduleId",
                "showOptimizedSlots", "assignRRMembersUsingSegment", "rrSegmentQueryValue", "instantMeetingParameters",
                "autoTranslateDescriptionEnabled", "requiresConfirmationForFreeEmail", "useEventLevelSelectedCalendars",
                "canSendCalVideoTranscriptionEmails", "includeNoShowInRRCalculation", "restrictionScheduleId",
                "maxActiveBookingPerBookerOfferReschedule", "bookingRequiresAuthentication", "updatedAt",
                "autoTranslateInstantMeetingTitleEnabled", "rrHostSubsetEnabled"));
        // Host rows have no id: they are compared by event type, all of its hosts in one checksum.
        REFERENCE_COLUMNS.put("Host", List.of("userId", "eventTypeId", "isFixed", "priority", "weight",
                "scheduleId", "createdAt", "memberId", "weightAdjustment", "groupId"));
        REFERENCE_COLUMNS.put("Booking", List.of("id", "uid", "userId", "eventTypeId", "title", "description",
                "startTime", "endTime", "createdAt", "updatedAt", "location", "paid", "status", "cancellationReason",
                "rejectionReason", "fromReschedule", "rescheduled", "dynamicEventSlugRef", "dynamicGroupSlugRef",
                "recurringEventId", "customInputs", "smsReminderNumber", "destinationCalendarId", "scheduledJobs",
                "metadata", "responses", "isRecorded", "iCalSequence", "iCalUID", "userPrimaryEmail", "idempotencyKey",
                "noShowHost", "rating", "ratingFeedback", "cancelledBy", "rescheduledBy", "oneTimePassword",
                "reassignReason", "reassignById", "creationSource"));
        REFERENCE_COLUMNS.put("Payment", List.of("id", "uid", "bookingId", "amount", "fee", "currency", "success",
                "refunded", "data", "externalId", "appId", "paymentOption"));
        REFERENCE_COLUMNS.put("EventTypeCustomInput", List.of("id", "eventTypeId", "label", "required", "type",
                "placeholder", "options"));
        REFERENCE_COLUMNS.put("HashedLink", List.of("id", "link", "eventTypeId", "expiresAt", "maxUsageCount",
                "usageCount"));
        REFERENCE_COLUMNS.put("SelectedSlots", List.of("id", "eventTypeId", "userId", "slotUtcStartDate",
                "slotUtcEndDate", "uid", "releaseAt", "isSeat"));
        REFERENCE_COLUMNS.put("Attendee", List.of("id", "email", "name", "timeZone", "bookingId", "locale",
                "phoneNumber", "noShow"));
        REFERENCE_COLUMNS.put("BookingSeat", List.of("id", "referenceUid", "bookingId", "attendeeId", "data",
                "metadata"));
        REFERENCE_COLUMNS.put("BookingReference", List.of("id", "type", "uid", "bookingId", "meetingId",
                "meetingPassword", "meetingUrl", "deleted", "externalCalendarId", "credentialId",
                "thirdPartyRecurringEventId", "domainWideDelegationCredentialId", "delegationCredentialId"));
        REFERENCE_COLUMNS.put("BookingInternalNote", List.of("id", "notePresetId", "text", "bookingId",
                "createdById", "createdAt"));
        // Read models our projectors fill and cal.com's triggers keep: compared with what the source's rows
        // derive (DERIVED), so a source without those triggers is checked too.
        REFERENCE_COLUMNS.put("BookingDenormalized", List.of("id", "uid", "eventTypeId", "title", "description",
                "startTime", "endTime", "createdAt", "updatedAt", "location", "paid", "status", "rescheduled",
                "userId", "teamId", "eventLength", "eventParentId", "userEmail", "userName", "userUsername",
                "ratingFeedback", "rating", "noShowHost", "isTeamBooking"));
        REFERENCE_COLUMNS.put("booking_listing", List.of("id", "userId", "eventTypeId", "startTime", "endTime",
                "createdAt", "updatedAt", "status", "recurringEventId"));
        REFERENCE_COLUMNS.put("Tracking", List.of("id", "bookingId", "utm_source", "utm_medium", "utm_campaign",
                "utm_term", "utm_content"));
        REFERENCE_COLUMNS.put("Feature", List.of("slug", "enabled", "description", "type", "stale", "createdAt",
                "updatedAt", "lastUsedAt", "updatedBy"));
        REFERENCE_COLUMNS.put("UserFeatures", List.of("userId", "featureId", "enabled", "assignedBy", "assignedAt",
                "updatedAt"));
        REFERENCE_COLUMNS.put("TeamFeatures", List.of("teamId", "featureId", "enabled", "assignedBy", "assignedAt",
                "updatedAt"));
        // appId is null on every key imported: an app's key is reported, not imported.
        REFERENCE_COLUMNS.put("ApiKey", List.of("id", "userId", "teamId", "note", "hashedKey", "expiresAt",
                "createdAt", "lastUsedAt", "appId"));
        REFERENCE_COLUMNS.put("UserPassword", List.of("userId", "hash"));
        REFERENCE_COLUMNS.put("Account", List.of("id", "userId", "type", "provider", "providerAccountId",
                "providerEmail", "scope", "refresh_token", "access_token", "expires_at", "token_type", "id_token",
                "session_state"));
        REFERENCE_COLUMNS.put("AIPhoneCallConfiguration", List.of("id", "eventTypeId", "generalPrompt",
                "yourPhoneNumber", "numberToCall", "guestName", "enabled", "beginMessage", "llmId", "guestCompany",
                "guestEmail", "schedulerName", "templateType"));
        REFERENCE_COLUMNS.put("Impersonations", List.of("id", "createdAt", "impersonatedUserId", "impersonatedById"));
        REFERENCE_COLUMNS.put("Profile", List.of("id", "uid", "userId", "organizationId", "username", "createdAt",
                "updatedAt"));
        REFERENCE_COLUMNS.put("OutOfOfficeReason", List.of("id", "emoji", "reason", "enabled", "userId"));
        REFERENCE_COLUMNS.put("OutOfOfficeEntry", List.of("id", "uuid", "start", "end", "userId", "toUserId",
                "reasonId", "notes", "showNotePublicly", "createdAt", "updatedAt"));
        REFERENCE_COLUMNS.put("Webhook", List.of("id", "userId", "teamId", "eventTypeId", "subscriberUrl",
                "createdAt", "active", "eventTriggers", "payloadTemplate", "secret", "time", "timeUnit", "appId",
                "platform", "platformOAuthClientId", "version"));
        // position and the steps' pending verification and agents come with WorkflowColumnsImported; type is
        // EVENT_TYPE on both sides, as routing-form workflows wait.
        REFERENCE_COLUMNS.put("Workflow", List.of("id", "name", "userId", "teamId", "trigger", "time", "timeUnit",
                "isActiveOnAll", "position", "type"));
        REFERENCE_COLUMNS.put("WorkflowStep", List.of("id", "workflowId", "stepNumber", "action", "template",
                "reminderBody", "emailSubject", "sendTo", "numberRequired", "sender", "includeCalendarEvent",
                "verifiedAt", "numberVerificationPending", "agentId", "inboundAgentId"));
        REFERENCE_COLUMNS.put("WorkflowsOnTeams", List.of("id", "workflowId", "teamId"));
        REFERENCE_COLUMNS.put("WorkflowsOnEventTypes", List.of("id", "workflowId", "eventTypeId"));
        // key is compared apart (Sealed): cal.com encrypts it with its key, we seal it with ours, so the stored
        // texts differ; the import compares what both open to.
        REFERENCE_COLUMNS.put("Credential", List.of("id", "type", "userId", "appId", "invalid", "teamId",
                "billingCycleStart", "paymentStatus", "subscriptionId", "delegationCredentialId"));
        REFERENCE_COLUMNS.put("SelectedCalendar", List.of("userId", "integration", "externalId", "credentialId",
                "googleChannelExpiration", "googleChannelId", "googleChannelKind", "googleChannelResourceId",
                "googleChannelResourceUri", "domainWideDelegationCredentialId", "id", "eventTypeId", "error",
                "channelId", "channelKind", "channelResourceId", "channelResourceUri", "channelExpiration",
                "syncSubscribedAt", "syncToken", "syncedAt", "syncErrorAt", "syncErrorCount",
                "delegationCredentialId", "lastErrorAt", "maxAttempts", "unwatchAttempts", "watchAttempts",
                "createdAt", "updatedAt"));
        REFERENCE_COLUMNS.put("DestinationCalendar", List.of("id", "integration", "externalId", "userId",
                "eventTypeId", "credentialId", "primaryEmail", "domainWideDelegationCredentialId",
                "delegationCredentialId", "createdAt", "updatedAt", "customCalendarReminder"));
        REFERENCE_COLUMNS.put("WorkflowReminder", List.of("id", "bookingUid", "method", "scheduledDate",
                "referenceId", "scheduled", "workflowStepId", "cancelled", "seatReferenceId", "isMandatoryReminder",
                "retryCount", "uuid"));
        REFERENCE_COLUMNS.put("ReminderMail", List.of("id", "referenceId", "reminderType", "elapsedMinutes",
                "createdAt"));
        // serviceAccountKey is compared apart (Sealed): cal.com encrypts its private part with its key, we seal it
        // whole with ours; the import compares what both open to.
        REFERENCE_COLUMNS.put("DelegationCredential", List.of("id", "workspacePlatformId", "enabled", "organizationId",
                "domain", "createdAt", "updatedAt", "lastDisabledAt", "lastEnabledAt"));
        REFERENCE_COLUMNS.put("DomainWideDelegation", List.of("id", "workspacePlatformId", "enabled", "organizationId",
                "domain", "createdAt", "updatedAt"));
        REFERENCE_COLUMNS.put("TeamBilling", List.of("id", "teamId", "subscriptionId", "subscriptionItemId",
                "customerId", "status", "planName", "createdAt", "updatedAt", "subscriptionEnd", "subscriptionStart",
                "subscriptionTrialEnd", "billingPeriod", "pricePerSeat", "paidSeats"));
        REFERENCE_COLUMNS.put("OrganizationBilling", List.of("id", "teamId", "subscriptionId", "subscriptionItemId",
                "customerId", "status", "planName", "createdAt", "updatedAt", "subscriptionEnd", "subscriptionStart",
                "subscriptionTrialEnd", "billingPeriod", "pricePerSeat", "paidSeats"));
        REFERENCE_COLUMNS.put("Seat", List.of("id", "orgId", "userId", "createdAt"));
        REFERENCE_COLUMNS.put("SeatChangeLog", List.of("id", "teamId", "changeType", "seatCount", "userId",
                "triggeredBy", "changeDate", "monthKey", "processedInProrationId", "metadata", "createdAt",
                "teamBillingId", "organizationBillingId"));
    }

    /**
     * Rows derived from the source's own tables, as cal.com's triggers derive BookingDenormalized (from the booking,
     * its event type and its user) and as our projectors copy the listing's keys from Booking.
     */
    private static final Map<String, String> DERIVED = Map.of(
            "BookingDenormalized", """
                    select b.id, b.uid, b."eventTypeId", b.title, b.description, b."startTime", b."endTime",
                           b."createdAt", b."updatedAt", b.location, b.paid, b.status, b.rescheduled, b."userId",
                           e."teamId", e.length as "eventLength", e."parentId" as "eventParentId",
                           u.email as "userEmail", u.name as "userName", u.username as "userUsername",
                           b."ratingFeedback", b.rating, b."noShowHost", e."teamId" is not null as "isTeamBooking"
                    from "Booking" b left join "EventType" e on e.id = b."eventTypeId"
                    left join users u on u.id = b."userId"
                    """,
            "booking_listing", """
                    select id, "userId", "eventTypeId", "startTime", "endTime", "createdAt", "updatedAt", status,
                           "recurringEventId"
                    from "Booking"
                    """);

    /** Where our side keeps a table outside cal.com's schema; a database without it is compared by DERIVED. */
    private static final Map<String, String> OWN_TABLES = Map.of("booking_listing", "query_side.booking_listing");

    /** The source table whose rows a derived table's rows are, for the report's rows to be recognized. */
    public static final Map<String, String> ROWS_OF = Map.of("BookingDenormalized", "Booking",
            "booking_listing", "Booking");

    /** How a row is named where its table has no single id column: its key columns joined by '/'. */
    private static final Map<String, String> KEYS = Map.of(
            "Feature", "slug",
            "UserFeatures", "\"userId\" || '/' || \"featureId\"",
            "TeamFeatures", "\"teamId\" || '/' || \"featureId\"",
            "UserPassword", "\"userId\"");

    /** One row that differs: missing on one side, or with other values. */
    public record Difference(String table, String id, String what) {
        @Override
        public String toString() {
            return table + " id " + id + ": " + what;
        }
    }

    /** Tables without an id of their own, compared per group: the column that groups them, in place of an id. */
    static final Map<String, String> GROUPED_BY = Map.of("Host", "eventTypeId");

    public record TableResult(String table, int sourceRows, int targetRows, List<Difference> differences) {
    }

    /**
     * A column each side seals with its own key (Credential.key, serviceAccountKey): compared by what it opens to, for the rows both
     * sides have. {@code open} gives null for a value that does not open.
     */
    public record Sealed(String table, String column, UnaryOperator<String> openSource,
                         UnaryOperator<String> openTarget) {
    }

    private static final int FETCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableCompare() {
    }

    /**
     * The tables that grow with the bookings, all with integer ids: compared by two cursors ordered by id, merged,
     * so neither side is held in memory. The others are small and compared through maps.
     */
    private static final Set<String> MERGED = Set.of("Booking", "Attendee", "BookingSeat", "BookingReference",
            "Tracking", "BookingInternalNote", "Payment", "ReminderMail", "BookingDenormalized", "booking_listing");

    public static List<TableResult> compare(Connection source, Connection target) throws SQLException {
        return compare(source, target, List.of());
    }

    public static List<TableResult> compare(Connection source, Connection target, List<Sealed> sealed)
            throws SQLException {
        boolean sourceAutoCommit = source.getAutoCommit();
        boolean targetAutoCommit = target.getAutoCommit();
        // Without autocommit the driver reads a query with a fetch size by a cursor.
        source.setAutoCommit(false);
        target.setAutoCommit(false);
        try {
            List<TableResult> results = new ArrayList<>();
            for (var table : REFERENCE_COLUMNS.entrySet()) {
                TableResult result = MERGED.contains(table.getKey())
                        ? merged(source, target, table.getKey(), table.getValue())
                        : mapped(source, target, table.getKey(), table.getValue());
                for (Sealed column : sealed) {
                    if (column.table().equals(table.getKey())) {
                        opened(source, target, column, result.differences());
                    }
                }
                results.add(result);
            }
            return results;
        } finally {
            source.rollback();
            target.rollback();
            source.setAutoCommit(sourceAutoCommit);
            target.setAutoCommit(targetAutoCommit);
        }
    }

    private static TableResult mapped(Connection source, Connection target, String table, List<String> columns)
            throws SQLException {
        Map<String, String> left = checksums(source, table, columns);
        Map<String, String> right = checksums(target, table, columns);
        List<Difference> differences = new ArrayList<>();
        for (var row : left.entrySet()) {
            String other = right.get(row.getKey());
            if (other == null) {
                differences.add(new Difference(table, row.getKey(), "missing in target"));
            } else if (!other.equals(row.getValue())) {
                differences.add(new Difference(table, row.getKey(), "different values"));
            }
        }
        right.keySet().stream().filter(id -> !left.containsKey(id))
                .forEach(id -> differences.add(new Difference(table, id, "only in target")));
        boolean grouped = GROUPED_BY.containsKey(table);
        return new TableResult(table, grouped ? count(source, table) : left.size(),
                grouped ? count(target, table) : right.size(), differences);
    }

    private static TableResult merged(Connection source, Connection target, String table, List<String> columns)
            throws SQLException {
        String select = "select id, md5(row(" + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList())
                + ")::text) from ";
        String sourceQuery = select + relation(source, table, true) + " order by id";
        String targetQuery = select + relation(target, table, false) + " order by id";
        List<Difference> differences = new ArrayList<>();
        int leftRows = 0;
        int rightRows = 0;
        try (var leftStatement = source.createStatement(); var rightStatement = target.createStatement()) {
            leftStatement.setFetchSize(FETCH);
            rightStatement.setFetchSize(FETCH);
            try (var left = leftStatement.executeQuery(sourceQuery);
                 var right = rightStatement.executeQuery(targetQuery)) {
                boolean moreLeft = left.next();
                boolean moreRight = right.next();
                while (moreLeft || moreRight) {
                    long leftId = moreLeft ? left.getLong(1) : Long.MAX_VALUE;
                    long rightId = moreRight ? right.getLong(1) : Long.MAX_VALUE;
                    if (moreLeft && (!moreRight || leftId < rightId)) {
                        differences.add(new Difference(table, String.valueOf(leftId), "missing in target"));
                    } else if (moreRight && (!moreLeft || rightId < leftId)) {
                        differences.add(new Difference(table, String.valueOf(rightId), "only in target"));
                    } else if (!left.getString(2).equals(right.getString(2))) {
                        differences.add(new Difference(table, String.valueOf(leftId), "different values"));
                    }
                    if (moreLeft && (!moreRight || leftId <= rightId)) {
                        leftRows++;
                        moreLeft = left.next();
                    }
                    if (moreRight && rightId <= leftId) {
                        rightRows++;
                        moreRight = right.next();
                    }
                }
            }
        }
        return new TableResult(table, leftRows, rightRows, differences);
    }

    /**
     * What a table's rows are read from: a derived table's source side is derived from the source's tables (a
     * cal.com database may have no triggers to fill it); its target side is the table, or derived where the
     * database has no such table of its own.
     */
    private static String relation(Connection connection, String table, boolean source) throws SQLException {
        String derived = DERIVED.get(table);
        if (derived == null) {
            return '"' + table + '"';
        }
        String own = OWN_TABLES.getOrDefault(table, '"' + table + '"');
        if (!source && exists(connection, own)) {
            return own;
        }
        return "(" + derived + ") as derived";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** The rows both sides have whose sealed column opens to other values (JSON compared as JSON), or not at all. */
    private static void opened(Connection source, Connection target, Sealed column, List<Difference> differences)
            throws SQLException {
        Map<String, String> left = texts(source, column);
        Map<String, String> right = texts(target, column);
        for (var row : left.entrySet()) {
            if (!right.containsKey(row.getKey())
                    || differences.stream().anyMatch(d -> d.id().equals(row.getKey()))) {
                continue;
            }
            String mine = row.getValue() == null ? null : column.openSource().apply(row.getValue());
            String theirs = right.get(row.getKey()) == null ? null : column.openTarget().apply(right.get(row.getKey()));
            if ((row.getValue() != null && mine == null) || (right.get(row.getKey()) != null && theirs == null)) {
                differences.add(new Difference(column.table(), row.getKey(), column.column() + " does not open"));
            } else if (!sameJson(mine, theirs)) {
                differences.add(new Difference(column.table(), row.getKey(), column.column()
                        + " opens to other values"));
            }
        }
    }

    private static Map<String, String> texts(Connection connection, Sealed column) throws SQLException {
        Map<String, String> texts = new TreeMap<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery("select id, \""
                + column.column() + "\" #>> '{}' from \"" + column.table() + "\"")) {
            while (rows.next()) {
                texts.put(rows.getString(1), rows.getString(2));
            }
        }
        return texts;
    }

    private static boolean sameJson(String left, String right) {
        if (left == null || right == null) {
            return left == right;
        }
        try {
            return JSON.readTree(left).equals(JSON.readTree(right));
        } catch (java.io.IOException e) {
            return left.equals(right);
        }
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Map<String, String> checksums(Connection connection, String table, List<String> columns)
            throws SQLException {
        String row = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
        Map<String, String> sums = new TreeMap<>();
        String group = GROUPED_BY.get(table);
        String query = group == null ? "select " + KEYS.getOrDefault(table, "id") + ", md5(row(" + row
                + ")::text) from \"" + table + "\""
                : "select \"" + group + "\", md5(string_agg(row(" + row + ")::text, '|' order by row(" + row
                + ")::text)) from \"" + table + "\" group by \"" + group + "\"";
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getString(2));
            }
        }
        return sums;
    }
}
