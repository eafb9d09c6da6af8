package com.calcomalt.query.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.OutOfOfficeCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeDeleted;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonCreated;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonDisabled;
import com.calcomalt.contracts.scheduling.OutOfOfficeUpdated;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.PrivateLinkCreated;
import com.calcomalt.contracts.scheduling.PrivateLinkDeleted;
import com.calcomalt.contracts.scheduling.AvailabilityOwnersImported;
import com.calcomalt.contracts.scheduling.EventTypeColumnsImported;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.contracts.scheduling.ScheduleRenamed;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.SlotReleased;
import com.calcomalt.contracts.scheduling.SlotReserved;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.query.support.QuerySideTest;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scheduling events through the event store and the real processor into cal.com's tables. */
class SchedulingProjectorsTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:59:59.250Z");
    private static final Instant T1 = Instant.parse("2026-03-29T01:00:00.500Z");

    private int user() {
        int id = uniqueId();
        publish("User", "user:" + id, new UserRegistered(id, UUID.randomUUID(), "s" + id + "@example.com", "s" + id,
                null, "Europe/Berlin", "Monday", "en", 24, IdentityProvider.CAL, null, CreationSource.api_v2, T0));
        return id;
    }

    private Map<String, Object> row(String table, Object id) {
        return jdbc.queryForMap("select * from \"" + table + "\" where id = ?", id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static EventTypeSettings settings(Object... namesAndValues) {
        RecordComponent[] components = EventTypeSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            for (int j = 0; j < namesAndValues.length; j += 2) {
                if (components[i].getName().equals(namesAndValues[j])) {
                    values[i] = namesAndValues[j + 1];
                }
            }
        }
        try {
            return EventTypeSettings.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_schedule_its_hours_and_the_users_default_become_rows() {
        int owner = user();
        int scheduleId = uniqueId();
        int other = uniqueId();
        int weekly = uniqueId();
        int override = uniqueId();
        publish("Schedule", "schedule:" + scheduleId,
                new ScheduleCreated(scheduleId, owner, "Work", "Europe/Berlin",
                        List.of(new WeeklyRange(weekly, List.of(1, 2, 3, 4, 5), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        List.of(new DateOverride(override, LocalDate.of(2026, 10, 28), LocalTime.MIDNIGHT,
                                LocalTime.MIDNIGHT)), T0),
                new ScheduleMadeDefault(scheduleId, owner, T0));
        awaitProjectionsCaughtUp();

        assertThat(row("Schedule", scheduleId)).containsEntry("userId", owner).containsEntry("name", "Work")
                .containsEntry("timeZone", "Europe/Berlin");
        assertThat(jdbc.queryForMap("""
                select "userId", "eventTypeId", days::text, date, "startTime"::text, "endTime"::text, "scheduleId"
                from "Availability" where id = ?""", weekly))
                .containsEntry("userId", null).containsEntry("eventTypeId", null).containsEntry("days", "{1,2,3,4,5}")
                .containsEntry("date", null).containsEntry("startTime", "09:00:00").containsEntry("endTime", "17:00:00")
                .containsEntry("scheduleId", scheduleId);
        assertThat(jdbc.queryForMap("select days, date::text, \"startTime\"::text, \"endTime\"::text"
                + " from \"Availability\" where id = ?", override))
                .containsEntry("days", null).containsEntry("date", "2026-10-28").containsEntry("startTime", "00:00:00");
        assertThat(row("users", owner)).containsEntry("defaultScheduleId", scheduleId);

        int replaced = uniqueId();
        publish("Schedule", "schedule:" + scheduleId,
                new ScheduleRenamed(scheduleId, owner, "Office", T1),
                new ScheduleTimeZoneChanged(scheduleId, owner, "America/New_York", T1),
                new WeeklyAvailabilitySet(scheduleId, owner, List.of(new WeeklyRange(replaced, List.of(0, 6),
                        LocalTime.of(10, 0), LocalTime.of(12, 30))), T1),
                new DateOverridesSet(scheduleId, owner, List.of(), T1));
        publish("Schedule", "schedule:" + other, new ScheduleCreated(other, owner, "Other", "UTC", List.of(), List.of(), T1));
        awaitProjectionsCaughtUp();
        assertThat(row("Schedule", scheduleId)).containsEntry("name", "Office").containsEntry("timeZone", "America/New_York");
        assertThat(count("select count(*) from \"Availability\" where \"scheduleId\" = ?", scheduleId)).isEqualTo(1);
        assertThat(count("select count(*) from \"Availability\" where id = ?", weekly)).isZero();

        publish("Schedule", "schedule:" + scheduleId, new ScheduleDeleted(scheduleId, owner, other, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"Schedule\" where id = ?", scheduleId)).isZero();
        assertThat(count("select count(*) from \"Availability\" where \"scheduleId\" = ?", scheduleId)).isZero();
        assertThat(row("users", owner)).containsEntry("defaultScheduleId", other);
    }

    @Test
    void an_event_type_its_hosts_inputs_and_links_become_rows() {
        int owner = user();
        int member = user();
        int teamId = uniqueId();
        int eventTypeId = uniqueId();
        int inputId = uniqueId();
        int linkId = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "T", "t-" + teamId, null, false,
                new TeamSettings(null, false, false, null, null, null, null, null, null, null, null, null,
                        "Europe/London", "Sunday", false, null, null, false, RRResetInterval.MONTH,
                        RRTimestampBasis.CREATED_AT, false), owner, T0));
        EventTypeSettings initial = settings("title", "Sales call", "slug", "sales", "length", 30, "hidden", false,
                "position", 3, "locations", List.of(Map.of("type", "integrations:daily")), "periodType",
                PeriodType.rolling, "periodDays", 14, "periodCountCalendarDays", false, "requiresConfirmation", true,
                "requiresConfirmationWillBlockSlot", false, "minimumBookingNotice", 60, "beforeEventBuffer", 5,
                "afterEventBuffer", 10, "slotInterval", 15, "seatsShowAttendees", false, "seatsShowAvailabilityCount",
                true, "price", 0, "currency", "usd", "disableGuests", false, "hideCalendarNotes", false,
                "hideCalendarEventDetails", false, "forwardParamsSuccessRedirect", true,
                "lockTimeZoneToggleOnBookingPage", false, "onlyShowFirstAvailableSlot", false, "offsetStart", 0,
                "requiresBookerEmailVerification", false, "useBookerTimezone", false, "disableCancelling", false,
                "disableRescheduling", false, "allowReschedulingPastBookings", false,
                "allowReschedulingCancelledBookings", false, "isRRWeightsEnabled", true,
                "rescheduleWithSameRoundRobinHost", false, "assignAllTeamMembers", false, "hideOrganizerEmail", false,
                "metadata", Map.of("multipleDuration", List.of(30, 60)));
        publish("EventType", "event-type:" + eventTypeId,
                new EventTypeCreated(eventTypeId, null, teamId, null, SchedulingType.roundRobin, initial, T0),
                new EventTypeHostsSet(eventTypeId, teamId, List.of(new Host(member, null, false, 2, 100, null, T0)), T0),
                new EventTypeCustomInputsSet(eventTypeId, List.of(new CustomInput(inputId, "Company", true,
                        EventTypeCustomInputType.text, "", null)), T0),
                new PrivateLinkCreated(eventTypeId, linkId, "link-" + linkId, null, 3, T0));
        awaitProjectionsCaughtUp();

        assertThat(row("EventType", eventTypeId)).containsEntry("title", "Sales call").containsEntry("slug", "sales")
                .containsEntry("length", 30).containsEntry("teamId", teamId).containsEntry("userId", null)
                .containsEntry("position", 3).containsEntry("periodDays", 14)
                .containsEntry("periodCountCalendarDays", false).containsEntry("requiresConfirmation", true)
                .containsEntry("minimumBookingNotice", 60).containsEntry("beforeEventBuffer", 5)
                .containsEntry("afterEventBuffer", 10).containsEntry("slotInterval", 15)
                .containsEntry("isRRWeightsEnabled", true).containsEntry("createdAt", at(T0))
                .containsEntry("updatedAt", at(T0)).containsEntry("instantMeetingExpiryTimeOffsetInSeconds", 90)
                .containsEntry("canSendCalVideoTranscriptionEmails", true);
        assertThat(jdbc.queryForMap("""
                select "schedulingType"::text, "periodType"::text, locations::text, metadata::text
                from "EventType" where id = ?""", eventTypeId))
                .containsValues("roundRobin", "rolling", "[{\"type\": \"integrations:daily\"}]",
                        "{\"multipleDuration\": [30, 60]}");
        assertThat(jdbc.queryForMap("select * from \"Host\" where \"eventTypeId\" = ?", eventTypeId))
                .containsEntry("userId", member).containsEntry("isFixed", false).containsEntry("priority", 2)
                .containsEntry("weight", 100).containsEntry("createdAt", at(T0));
        assertThat(row("EventTypeCustomInput", inputId)).containsEntry("label", "Company").containsEntry("required", true)
                .containsEntry("placeholder", "");
        assertThat(row("HashedLink", linkId)).containsEntry("link", "link-" + linkId).containsEntry("maxUsageCount", 3)
                .containsEntry("usageCount", 0);

        publish("EventType", "event-type:" + eventTypeId,
                new EventTypeUpdated(eventTypeId, null, teamId, null, settings("title", "Sales", "slug", "sales",
                        "length", 45, "hidden", true, "position", 0, "periodType", PeriodType.unlimited,
                        "requiresConfirmation", false, "requiresConfirmationWillBlockSlot", false,
                        "minimumBookingNotice", 120, "beforeEventBuffer", 0, "afterEventBuffer", 0,
                        "seatsShowAttendees", false, "seatsShowAvailabilityCount", true, "price", 0, "currency", "usd",
                        "disableGuests", false, "hideCalendarNotes", false, "hideCalendarEventDetails", false,
                        "forwardParamsSuccessRedirect", true, "lockTimeZoneToggleOnBookingPage", false,
                        "onlyShowFirstAvailableSlot", false, "offsetStart", 0, "requiresBookerEmailVerification",
                        false, "useBookerTimezone", false, "disableCancelling", false, "disableRescheduling", false,
                        "allowReschedulingPastBookings", false, "allowReschedulingCancelledBookings", false,
                        "isRRWeightsEnabled", false, "rescheduleWithSameRoundRobinHost", false,
                        "assignAllTeamMembers", false, "hideOrganizerEmail", false), T1),
                new PrivateLinkDeleted(eventTypeId, linkId, T1));
        awaitProjectionsCaughtUp();
        assertThat(row("EventType", eventTypeId)).containsEntry("title", "Sales").containsEntry("length", 45)
                .containsEntry("hidden", true).containsEntry("updatedAt", at(T1)).containsEntry("slotInterval", null);
        assertThat(count("select count(*) from \"HashedLink\" where id = ?", linkId)).isZero();

        publish("EventType", "event-type:" + eventTypeId, new EventTypeDeleted(eventTypeId, null, teamId, null, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"EventType\" where id = ?", eventTypeId)).isZero();
        assertThat(count("select count(*) from \"Host\" where \"eventTypeId\" = ?", eventTypeId)).isZero();
        assertThat(count("select count(*) from \"EventTypeCustomInput\" where id = ?", inputId)).isZero();
    }

    @Test
    void columns_only_the_import_carries_are_written_and_stay_through_later_changes() {
        int owner = user();
        int member = user();
        int teamId = uniqueId();
        int scheduleId = uniqueId();
        int hours = uniqueId();
        int eventTypeId = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "T", "t-" + teamId, null, false,
                new TeamSettings(null, false, false, null, null, null, null, null, null, null, null, null,
                        "Europe/London", "Sunday", false, null, null, false, RRResetInterval.MONTH,
                        RRTimestampBasis.CREATED_AT, false), owner, T0));
        publish("Schedule", "schedule:" + scheduleId, new ScheduleCreated(scheduleId, owner, "Work", "UTC",
                List.of(new WeeklyRange(hours, List.of(1), LocalTime.of(9, 0), LocalTime.of(17, 0))), List.of(), T0));
        EventTypeSettings settings = settings("title", "Sales call", "slug", "sales", "length", 30, "hidden", false,
                "position", 0, "periodType", PeriodType.unlimited, "requiresConfirmation", false,
                "requiresConfirmationWillBlockSlot", false, "minimumBookingNotice", 120, "beforeEventBuffer", 0,
                "afterEventBuffer", 0, "seatsShowAttendees", false, "seatsShowAvailabilityCount", true, "price", 0,
                "currency", "usd", "disableGuests", false, "hideCalendarNotes", false, "hideCalendarEventDetails",
                false, "forwardParamsSuccessRedirect", true, "lockTimeZoneToggleOnBookingPage", false,
                "onlyShowFirstAvailableSlot", false, "offsetStart", 0, "requiresBookerEmailVerification", false,
                "useBookerTimezone", false, "disableCancelling", false, "disableRescheduling", false,
                "allowReschedulingPastBookings", false, "allowReschedulingCancelledBookings", false,
                "isRRWeightsEnabled", true, "rescheduleWithSameRoundRobinHost", false, "assignAllTeamMembers", false,
                "hideOrganizerEmail", false);
        publish("EventType", "event-type:" + eventTypeId,
                new EventTypeCreated(eventTypeId, null, teamId, null, SchedulingType.roundRobin, settings, T0),
                new EventTypeHostsSet(eventTypeId, teamId, List.of(new Host(member, null, false, 2, 100, null, T0),
                        new Host(owner, null, true, null, null, null, T0)), T0),
                new EventTypeColumnsImported(eventTypeId, true, null, true, 77, 120, scheduleId, null, true,
                        Map.of("id", "q-1", "type", "group"), List.of("utm_source", "lang"), true, true, true, false,
                        true, scheduleId, true, true, false, true, null,
                        List.of(new EventTypeColumnsImported.HostColumns(member, -20, "group-a"))));
        publish("Schedule", "schedule:" + scheduleId, new AvailabilityOwnersImported(scheduleId,
                List.of(new AvailabilityOwnersImported.Owners(hours, owner, eventTypeId))));
        awaitProjectionsCaughtUp();

        assertThat(row("EventType", eventTypeId)).containsEntry("isInstantEvent", true)
                .containsEntry("useEventTypeDestinationCalendarEmail", true).containsEntry("secondaryEmailId", 77)
                .containsEntry("instantMeetingExpiryTimeOffsetInSeconds", 120)
                .containsEntry("instantMeetingScheduleId", scheduleId).containsEntry("showOptimizedSlots", null)
                .containsEntry("assignRRMembersUsingSegment", true).containsEntry("autoTranslateDescriptionEnabled", true)
                .containsEntry("requiresConfirmationForFreeEmail", true)
                .containsEntry("useEventLevelSelectedCalendars", true)
                .containsEntry("canSendCalVideoTranscriptionEmails", false)
                .containsEntry("includeNoShowInRRCalculation", true).containsEntry("restrictionScheduleId", scheduleId)
                .containsEntry("maxActiveBookingPerBookerOfferReschedule", true)
                .containsEntry("bookingRequiresAuthentication", true)
                .containsEntry("autoTranslateInstantMeetingTitleEnabled", false)
                .containsEntry("rrHostSubsetEnabled", true).containsEntry("updatedAt", null);
        assertThat(jdbc.queryForMap("""
                select "rrSegmentQueryValue"::text, "instantMeetingParameters"::text from "EventType" where id = ?""",
                eventTypeId)).containsValues("{\"id\": \"q-1\", \"type\": \"group\"}", "{utm_source,lang}");
        assertThat(jdbc.queryForMap("select * from \"Host\" where \"eventTypeId\" = ? and \"userId\" = ?",
                eventTypeId, member)).containsEntry("weightAdjustment", -20).containsEntry("groupId", "group-a")
                .containsEntry("weight", 100);
        assertThat(jdbc.queryForMap("select * from \"Host\" where \"eventTypeId\" = ? and \"userId\" = ?",
                eventTypeId, owner)).containsEntry("weightAdjustment", null).containsEntry("groupId", null);
        assertThat(row("Availability", hours)).containsEntry("userId", owner).containsEntry("eventTypeId", eventTypeId)
                .containsEntry("scheduleId", scheduleId);

        publish("EventType", "event-type:" + eventTypeId,
                new EventTypeUpdated(eventTypeId, null, teamId, null, settings, T1));
        awaitProjectionsCaughtUp();
        assertThat(row("EventType", eventTypeId)).as("commands set the columns they know, and the time of the change")
                .containsEntry("updatedAt", at(T1)).containsEntry("isInstantEvent", true)
                .containsEntry("restrictionScheduleId", scheduleId).containsEntry("rrHostSubsetEnabled", true);
    }

    @Test
    void out_of_office_reasons_and_reservations_become_rows() {
        int owner = user();
        int colleague = user();
        int entryId = uniqueId();
        int reasonId = uniqueId();
        int reservationId = uniqueId();
        int eventTypeId = uniqueId();
        publish("OutOfOfficeReason", "out-of-office-reason:" + reasonId,
                new OutOfOfficeReasonCreated(reasonId, "🏝️", "vacation-" + reasonId, owner, T0));
        publish("OutOfOffice", "out-of-office:" + entryId,
                new OutOfOfficeCreated(entryId, "ooo-" + entryId, owner, T0, T1, reasonId, colleague, "Away", true, T0));
        awaitProjectionsCaughtUp();
        assertThat(row("OutOfOfficeReason", reasonId)).containsEntry("emoji", "🏝️").containsEntry("enabled", true)
                .containsEntry("userId", owner);
        assertThat(row("OutOfOfficeEntry", entryId)).containsEntry("uuid", "ooo-" + entryId)
                .containsEntry("start", at(T0)).containsEntry("end", at(T1)).containsEntry("toUserId", colleague)
                .containsEntry("reasonId", reasonId).containsEntry("notes", "Away")
                .containsEntry("showNotePublicly", true).containsEntry("createdAt", at(T0))
                .containsEntry("updatedAt", at(T0));

        publish("OutOfOfficeReason", "out-of-office-reason:" + reasonId, new OutOfOfficeReasonDisabled(reasonId, T1));
        publish("OutOfOffice", "out-of-office:" + entryId,
                new OutOfOfficeUpdated(entryId, owner, T0, T1.plusSeconds(60), null, null, null, false, T1));
        publish("EventType", "event-type:" + eventTypeId, new EventTypeCreated(eventTypeId, owner, null, null, null,
                settings("title", "x", "slug", "x" + eventTypeId, "length", 30, "hidden", false, "position", 0,
                        "periodType", PeriodType.unlimited, "requiresConfirmation", false,
                        "requiresConfirmationWillBlockSlot", false, "minimumBookingNotice", 120,
                        "beforeEventBuffer", 0, "afterEventBuffer", 0, "seatsShowAttendees", false,
                        "seatsShowAvailabilityCount", true, "price", 0, "currency", "usd", "disableGuests", false,
                        "hideCalendarNotes", false, "hideCalendarEventDetails", false,
                        "forwardParamsSuccessRedirect", true, "lockTimeZoneToggleOnBookingPage", false,
                        "onlyShowFirstAvailableSlot", false, "offsetStart", 0, "requiresBookerEmailVerification", false,
                        "useBookerTimezone", false, "disableCancelling", false, "disableRescheduling", false,
                        "allowReschedulingPastBookings", false, "allowReschedulingCancelledBookings", false,
                        "isRRWeightsEnabled", false, "rescheduleWithSameRoundRobinHost", false,
                        "assignAllTeamMembers", false, "hideOrganizerEmail", false), T0));
        publish("SlotReservation", "slot-reservation:r" + reservationId,
                new SlotReserved("r" + reservationId, reservationId, eventTypeId, owner, T1, T1.plusSeconds(1800),
                        T1.plusSeconds(300), false, T0));
        awaitProjectionsCaughtUp();
        assertThat(row("OutOfOfficeReason", reasonId)).containsEntry("enabled", false);
        assertThat(row("OutOfOfficeEntry", entryId)).containsEntry("end", at(T1.plusSeconds(60)))
                .containsEntry("toUserId", null).containsEntry("updatedAt", at(T1));
        assertThat(row("SelectedSlots", reservationId)).containsEntry("uid", "r" + reservationId)
                .containsEntry("userId", owner).containsEntry("slotUtcStartDate", at(T1))
                .containsEntry("releaseAt", at(T1.plusSeconds(300))).containsEntry("isSeat", false);

        publish("OutOfOffice", "out-of-office:" + entryId, new OutOfOfficeDeleted(entryId, owner, T1));
        publish("SlotReservation", "slot-reservation:r" + reservationId, new SlotReleased("r" + reservationId,
                reservationId, T1));
        awaitProjectionsCaughtUp();
        assertThat(count("select count(*) from \"OutOfOfficeEntry\" where id = ?", entryId)).isZero();
        assertThat(count("select count(*) from \"SelectedSlots\" where id = ?", reservationId)).isZero();
    }
}
