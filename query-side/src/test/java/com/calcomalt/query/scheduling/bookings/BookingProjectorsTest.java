package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.calendar.CalendarConnected;
import com.calcomalt.contracts.calendar.CalendarIds;
import com.calcomalt.contracts.calendar.ConnectedCalendar;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.TeamDeleted;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.platform.deadletters.DeadLetters;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Booking events through the event store and the real processor into cal.com's booking tables. */
class BookingProjectorsTest extends BookingFixtures {

    private static final Instant T1 = CREATED.plusSeconds(3600).plusMillis(7);
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);
    private static final List<String> TABLES = List.of("Booking", "Attendee", "BookingSeat", "BookingReference",
            "BookingInternalNote", "Tracking", "BookingDenormalized");

    @Autowired
    private ObjectMapper json;

    @Autowired
    private DeadLetters deadLetters;

    private Map<String, Object> row(String table, int id) {
        return jdbc.queryForMap("select * from \"" + table + "\" where id = ?", id);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /** A jsonb column compared as JSON, whatever the order PostgreSQL keeps its keys in. */
    private boolean jsonIs(String table, String column, int id, Object expected) throws Exception {
        return Boolean.TRUE.equals(jdbc.queryForObject("select \"" + column + "\" = cast(? as jsonb) from \""
                + table + "\" where id = ?", Boolean.class, json.writeValueAsString(expected), id));
    }

    private String text(String table, String column, int id) {
        return jdbc.queryForObject("select \"" + column + "\"::text from \"" + table + "\" where id = ?",
                String.class, id);
    }

    /** Every row of every booking table that belongs to the booking, as JSON. */
    private List<String> rowsOf(int bookingId) {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            String key = table.equals("Booking") || table.equals("BookingDenormalized") ? "id" : "\"bookingId\"";
            rows.addAll(jdbc.queryForList("select '" + table + "' || row_to_json(t)::text from \"" + table
                    + "\" t where " + key + " = ? order by id", String.class, bookingId));
        }
        return rows;
    }

    @Test
    void a_requested_booking_fills_every_column_of_its_booking_attendee_tracking_and_denormalized_rows()
            throws Exception {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        BookingAttendee booker = new BookingAttendee(uniqueId(), "Ann Booker", "ann@example.com", "America/New_York",
                "fr", "+15550100");
        BookingAttendee guest = new BookingAttendee(uniqueId(), "", "guest@example.com", "America/New_York", null,
                null);
        NewBooking booking = booking(host, eventTypeId).attendee(booker).attendee(guest);
        booking.responses = Map.of("name", "Ann Booker", "email", "ann@example.com", "guests",
                List.of("guest@example.com"));
        booking.customInputs = Map.of("Company", "Acme");
        booking.metadata = Map.of("videoCallUrl", "https://video.example/room");
        booking.smsReminderNumber = "+15550100";
        booking.tracking = new UtmParameters(uniqueId(), "newsletter", "email", "spring", "calendar", "footer");
        booking.publish();
        awaitProjectionsCaughtUp();

        assertThat(row("Booking", booking.bookingId)).containsEntry("uid", booking.uid)
                .containsEntry("userId", host).containsEntry("eventTypeId", eventTypeId)
                .containsEntry("title", booking.title).containsEntry("description", "Agenda")
                .containsEntry("startTime", at(booking.start)).containsEntry("endTime", at(booking.end))
                .containsEntry("createdAt", at(CREATED)).containsEntry("updatedAt", null)
                .containsEntry("location", "integrations:daily").containsEntry("paid", false)
                .containsEntry("cancellationReason", null).containsEntry("rejectionReason", null)
                .containsEntry("fromReschedule", null).containsEntry("rescheduled", null)
                .containsEntry("dynamicEventSlugRef", null).containsEntry("dynamicGroupSlugRef", null)
                .containsEntry("recurringEventId", null).containsEntry("smsReminderNumber", "+15550100")
                .containsEntry("destinationCalendarId", null).containsEntry("scheduledJobs", null)
                .containsEntry("isRecorded", false).containsEntry("iCalSequence", 0)
                .containsEntry("iCalUID", booking.uid + "@Cal.com").containsEntry("userPrimaryEmail", email(host))
                .containsEntry("idempotencyKey", "key-" + booking.uid).containsEntry("noShowHost", false)
                .containsEntry("rating", null).containsEntry("ratingFeedback", null)
                .containsEntry("cancelledBy", null).containsEntry("rescheduledBy", null)
                .containsEntry("oneTimePassword", null).containsEntry("reassignReason", null)
                .containsEntry("reassignById", null);
        assertThat(text("Booking", "status", booking.bookingId)).isEqualTo("accepted");
        assertThat(text("Booking", "creationSource", booking.bookingId)).isEqualTo("api_v2");
        assertThat(jsonIs("Booking", "responses", booking.bookingId, booking.responses)).isTrue();
        assertThat(jsonIs("Booking", "customInputs", booking.bookingId, Map.of("Company", "Acme"))).isTrue();
        assertThat(jsonIs("Booking", "metadata", booking.bookingId, booking.metadata)).isTrue();

        assertThat(row("Attendee", booker.attendeeId())).containsEntry("bookingId", booking.bookingId)
                .containsEntry("email", "ann@example.com").containsEntry("name", "Ann Booker")
                .containsEntry("timeZone", "America/New_York").containsEntry("locale", "fr")
                .containsEntry("phoneNumber", "+15550100").containsEntry("noShow", false);
        assertThat(row("Attendee", guest.attendeeId())).containsEntry("name", "").containsEntry("locale", "en")
                .containsEntry("phoneNumber", null);
        assertThat(row("Tracking", booking.tracking.trackingId())).containsEntry("bookingId", booking.bookingId)
                .containsEntry("utm_source", "newsletter").containsEntry("utm_medium", "email")
                .containsEntry("utm_campaign", "spring").containsEntry("utm_term", "calendar")
                .containsEntry("utm_content", "footer");
        assertThat(count("select count(*) from \"BookingSeat\" where \"bookingId\" = ?", booking.bookingId)).isZero();

        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("uid", booking.uid)
                .containsEntry("eventTypeId", eventTypeId).containsEntry("title", booking.title)
                .containsEntry("description", "Agenda").containsEntry("startTime", at(booking.start))
                .containsEntry("endTime", at(booking.end)).containsEntry("createdAt", at(CREATED))
                .containsEntry("updatedAt", null).containsEntry("location", "integrations:daily")
                .containsEntry("paid", false).containsEntry("rescheduled", null).containsEntry("userId", host)
                .containsEntry("teamId", null).containsEntry("eventLength", 30).containsEntry("eventParentId", null)
                .containsEntry("userEmail", email(host)).containsEntry("userName", "User " + host)
                .containsEntry("userUsername", "u" + host).containsEntry("ratingFeedback", null)
                .containsEntry("rating", null).containsEntry("noShowHost", false)
                .containsEntry("isTeamBooking", false);
        assertThat(text("BookingDenormalized", "status", booking.bookingId)).isEqualTo("accepted");
    }

    @Test
    void a_team_booking_is_a_team_booking_in_booking_denormalized() {
        int owner = user();
        int teamId = team(owner);
        int eventTypeId = teamEventType(teamId, SchedulingType.roundRobin, 45, List.of(owner));
        NewBooking booking = booking(owner, eventTypeId).attendee(attendee("Bo", "bo@example.com"));
        booking.teamId = teamId;
        booking.eventLength = 45;
        booking.status = BookingStatus.pending;
        booking.publish();
        awaitProjectionsCaughtUp();

        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("teamId", teamId)
                .containsEntry("eventLength", 45).containsEntry("isTeamBooking", true);
        assertThat(text("Booking", "status", booking.bookingId)).isEqualTo("pending");
        assertThat(text("BookingDenormalized", "status", booking.bookingId)).isEqualTo("pending");
    }

    @Test
    void seats_come_with_their_attendees_and_a_cancelled_seat_leaves_with_its_attendee() throws Exception {
        int host = user();
        int eventTypeId = personalEventType(host, 60);
        BookingAttendee first = attendee("First", "first@example.com");
        NewBooking booking = booking(host, eventTypeId);
        booking.seat = new BookingSeatData(uniqueId(), "seat-" + uniqueId(), first,
                Map.of("responses", Map.of("name", "First")), Map.of("row", "front"));
        booking.publish();
        BookingSeatData second = new BookingSeatData(uniqueId(), "seat-" + uniqueId(),
                attendee("Second", "second@example.com"), Map.of("responses", Map.of("name", "Second")), null);
        publish("Booking", BookingIds.aggregateId(booking.uid), new BookingSeatBooked(booking.uid, booking.bookingId,
                second, T1));
        awaitProjectionsCaughtUp();

        assertThat(row("BookingSeat", booking.seat.seatId())).containsEntry("referenceUid",
                booking.seat.referenceUid()).containsEntry("bookingId", booking.bookingId)
                .containsEntry("attendeeId", first.attendeeId());
        assertThat(jsonIs("BookingSeat", "data", booking.seat.seatId(), booking.seat.data())).isTrue();
        assertThat(jsonIs("BookingSeat", "metadata", booking.seat.seatId(), Map.of("row", "front"))).isTrue();
        assertThat(row("BookingSeat", second.seatId())).containsEntry("attendeeId", second.attendee().attendeeId())
                .containsEntry("metadata", null);
        assertThat(row("Attendee", first.attendeeId())).containsEntry("bookingId", booking.bookingId)
                .containsEntry("email", "first@example.com");
        assertThat(row("Attendee", second.attendee().attendeeId())).containsEntry("email", "second@example.com");
        assertThat(row("Booking", booking.bookingId)).containsEntry("updatedAt", at(T1));
        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("updatedAt", at(T1));

        BookingSeatData third = new BookingSeatData(uniqueId(), "seat-" + uniqueId(),
                attendee("Third", "third@example.com"), Map.of(), Map.of());
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingSeatCancelled(booking.uid, booking.bookingId, booking.seat.seatId(),
                        booking.seat.referenceUid(), first.attendeeId(), T2),
                new BookingSeatBooked(booking.uid, booking.bookingId, third, T2),
                new BookingSeatCancelled(booking.uid, booking.bookingId, third.seatId(), third.referenceUid(),
                        third.attendee().attendeeId(), T3));
        awaitProjectionsCaughtUp();

        assertThat(count("select count(*) from \"BookingSeat\" where \"bookingId\" = ?", booking.bookingId))
                .isEqualTo(1);
        assertThat(count("select count(*) from \"BookingSeat\" where id in (?, ?)", booking.seat.seatId(),
                third.seatId())).isZero();
        assertThat(count("select count(*) from \"Attendee\" where id in (?, ?)", first.attendeeId(),
                third.attendee().attendeeId())).isZero();
        assertThat(count("select count(*) from \"Attendee\" where \"bookingId\" = ?", booking.bookingId))
                .isEqualTo(1);
        assertThat(row("Booking", booking.bookingId)).containsEntry("updatedAt", at(T3));
        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("updatedAt", at(T3));
    }

    @Test
    void confirming_declining_cancelling_and_rescheduling_set_the_status_and_free_the_slot() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking confirmed = booking(host, eventTypeId).at(inDays(2), Duration.ofMinutes(30));
        confirmed.status = BookingStatus.pending;
        NewBooking declined = booking(host, eventTypeId).at(inDays(3), Duration.ofMinutes(30));
        declined.status = BookingStatus.pending;
        NewBooking cancelled = booking(host, eventTypeId).at(inDays(4), Duration.ofMinutes(30)).publish();
        NewBooking moved = booking(host, eventTypeId).at(inDays(5), Duration.ofMinutes(30)).publish();
        confirmed.publish();
        declined.publish();
        NewBooking replacement = booking(host, eventTypeId).at(inDays(6), Duration.ofMinutes(30));
        replacement.fromReschedule = moved.uid;
        replacement.rescheduledBy = "booker@example.com";
        publish("Booking", BookingIds.aggregateId(confirmed.uid),
                new BookingConfirmed(confirmed.uid, confirmed.bookingId, host, T1));
        publish("Booking", BookingIds.aggregateId(declined.uid),
                new BookingDeclined(declined.uid, declined.bookingId, "Busy", host, T1));
        publish("Booking", BookingIds.aggregateId(cancelled.uid),
                new BookingCancelled(cancelled.uid, cancelled.bookingId, "Ill", email(host), T2));
        publish("Booking", BookingIds.aggregateId(moved.uid), new BookingRescheduled(moved.uid, moved.bookingId,
                replacement.uid, "Clash", "booker@example.com", T3));
        replacement.publish();
        awaitProjectionsCaughtUp();

        assertThat(text("Booking", "status", confirmed.bookingId)).isEqualTo("accepted");
        assertThat(row("Booking", confirmed.bookingId)).containsEntry("updatedAt", at(T1))
                .containsEntry("idempotencyKey", "key-" + confirmed.uid);
        assertThat(text("Booking", "status", declined.bookingId)).isEqualTo("rejected");
        assertThat(row("Booking", declined.bookingId)).containsEntry("rejectionReason", "Busy")
                .containsEntry("idempotencyKey", null).containsEntry("updatedAt", at(T1));
        assertThat(text("Booking", "status", cancelled.bookingId)).isEqualTo("cancelled");
        assertThat(row("Booking", cancelled.bookingId)).containsEntry("cancellationReason", "Ill")
                .containsEntry("cancelledBy", email(host)).containsEntry("idempotencyKey", null)
                .containsEntry("rescheduled", null).containsEntry("updatedAt", at(T2));
        assertThat(text("Booking", "status", moved.bookingId)).isEqualTo("cancelled");
        assertThat(row("Booking", moved.bookingId)).containsEntry("rescheduled", true)
                .containsEntry("cancellationReason", "Clash").containsEntry("rescheduledBy", "booker@example.com")
                .containsEntry("idempotencyKey", null).containsEntry("updatedAt", at(T3));
        assertThat(row("Booking", replacement.bookingId)).containsEntry("fromReschedule", moved.uid)
                .containsEntry("rescheduledBy", "booker@example.com").containsEntry("iCalSequence", 1)
                .containsEntry("rescheduled", null);

        assertThat(text("BookingDenormalized", "status", confirmed.bookingId)).isEqualTo("accepted");
        assertThat(text("BookingDenormalized", "status", declined.bookingId)).isEqualTo("rejected");
        assertThat(text("BookingDenormalized", "status", cancelled.bookingId)).isEqualTo("cancelled");
        assertThat(row("BookingDenormalized", cancelled.bookingId)).containsEntry("rescheduled", null)
                .containsEntry("updatedAt", at(T2));
        assertThat(row("BookingDenormalized", moved.bookingId)).containsEntry("rescheduled", true)
                .containsEntry("updatedAt", at(T3));
        assertThat(text("BookingDenormalized", "status", moved.bookingId)).isEqualTo("cancelled");
    }

    @Test
    void absences_and_a_rating_are_kept_on_the_booking_its_attendees_and_its_denormalized_row() {
        int host = user();
        BookingAttendee ann = attendee("Ann", "ann@example.com");
        BookingAttendee bob = attendee("Bob", "bob@example.com");
        NewBooking booking = booking(host, personalEventType(host, 30)).at(inDays(-1), Duration.ofMinutes(30))
                .attendee(ann).attendee(bob).publish();
        publish("Booking", BookingIds.aggregateId(booking.uid), new BookingAbsenceMarked(booking.uid,
                booking.bookingId, true, List.of(new AttendeeAbsence(ann.attendeeId(), ann.email(), true)), T1));
        awaitProjectionsCaughtUp();
        assertThat(row("Booking", booking.bookingId)).containsEntry("noShowHost", true)
                .containsEntry("updatedAt", at(T1));
        assertThat(row("Attendee", ann.attendeeId())).containsEntry("noShow", true);
        assertThat(row("Attendee", bob.attendeeId())).containsEntry("noShow", false);
        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("noShowHost", true)
                .containsEntry("updatedAt", at(T1));

        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingAbsenceMarked(booking.uid, booking.bookingId, null,
                        List.of(new AttendeeAbsence(ann.attendeeId(), ann.email(), false)), T2),
                new BookingRated(booking.uid, booking.bookingId, 4, "Helpful", T3));
        awaitProjectionsCaughtUp();
        assertThat(row("Booking", booking.bookingId)).as("a null noShowHost leaves the host as it was")
                .containsEntry("noShowHost", true).containsEntry("rating", 4)
                .containsEntry("ratingFeedback", "Helpful").containsEntry("updatedAt", at(T3));
        assertThat(row("Attendee", ann.attendeeId())).containsEntry("noShow", false);
        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("noShowHost", true)
                .containsEntry("rating", 4).containsEntry("ratingFeedback", "Helpful")
                .containsEntry("updatedAt", at(T3));
    }

    @Test
    void references_and_internal_notes_become_rows_and_a_removed_reference_stays_marked_deleted() {
        int host = user();
        int colleague = user();
        NewBooking booking = booking(host, personalEventType(host, 30)).publish();
        int credentialId = uniqueId();
        publish("CalendarCredential", CalendarIds.credential(credentialId), new CalendarConnected(credentialId,
                "google_calendar", "google-calendar", host, null, "v1:c2VhbGVk",
                List.of(new ConnectedCalendar("primary", "Primary", false, null)), T1));
        int video = uniqueId();
        int calendar = uniqueId();
        int note = uniqueId();
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingReferenceAdded(booking.uid, booking.bookingId, video, "daily_video", "room-1", "m-1",
                        "secret", "https://video.example/room-1", null, uniqueId(), null, T1),
                new BookingReferenceAdded(booking.uid, booking.bookingId, calendar, "google_calendar", "event-1",
                        null, null, null, "primary", credentialId, "series-1", T1),
                new BookingInternalNoteAdded(booking.uid, booking.bookingId, note, "Prefers mornings", colleague, T2),
                new BookingReferenceRemoved(booking.uid, booking.bookingId, video, T3));
        awaitProjectionsCaughtUp();

        assertThat(row("BookingReference", video)).containsEntry("type", "daily_video")
                .containsEntry("uid", "room-1").containsEntry("bookingId", booking.bookingId)
                .containsEntry("meetingId", "m-1").containsEntry("meetingPassword", "secret")
                .containsEntry("meetingUrl", "https://video.example/room-1").containsEntry("deleted", true)
                .containsEntry("externalCalendarId", null)
                .as("a credential that has no row is left out, as the foreign key would set it null")
                .containsEntry("credentialId", null);
        assertThat(row("BookingReference", calendar)).containsEntry("deleted", null)
                .containsEntry("externalCalendarId", "primary").containsEntry("credentialId", credentialId)
                .containsEntry("thirdPartyRecurringEventId", "series-1")
                .containsEntry("domainWideDelegationCredentialId", null).containsEntry("delegationCredentialId", null);
        assertThat(row("BookingInternalNote", note)).containsEntry("text", "Prefers mornings")
                .containsEntry("bookingId", booking.bookingId).containsEntry("createdById", colleague)
                .containsEntry("createdAt", at(T2)).containsEntry("notePresetId", null);
        assertThat(row("Booking", booking.bookingId)).as("references and notes are rows of their own")
                .containsEntry("updatedAt", null);
    }

    @Test
    void imported_columns_no_command_sets_are_written_and_later_events_leave_them() {
        int host = user();
        int reassigner = user();
        NewBooking booking = booking(host, personalEventType(host, 30)).publish();
        int credentialId = uniqueId();
        publish("CalendarCredential", CalendarIds.credential(credentialId), new CalendarConnected(credentialId,
                "google_calendar", "google-calendar", host, null, "v1:c2VhbGVk", List.of(), T1));
        int reference = uniqueId();
        int note = uniqueId();
        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingReferenceAdded(booking.uid, booking.bookingId, reference, "google_calendar", "event-1",
                        null, null, null, "primary", null, null, T1),
                new BookingInternalNoteAdded(booking.uid, booking.bookingId, note, null, host, T1));
        awaitProjectionsCaughtUp();
        publish("Booking", BookingIds.aggregateId(booking.uid), new BookingColumnsImported(booking.uid,
                booking.bookingId, "15min+30min", "ann+bob", "series-7", 999_999_001, List.of("job-1", "job-2"),
                "otp-1", "Out sick", reassigner,
                List.of(new BookingColumnsImported.ReferenceColumns(reference, credentialId, "dwd-gone", null)),
                List.of(new BookingColumnsImported.NotePreset(note, 3)), T1));
        awaitProjectionsCaughtUp();

        assertThat(row("Booking", booking.bookingId)).containsEntry("dynamicEventSlugRef", "15min+30min")
                .containsEntry("dynamicGroupSlugRef", "ann+bob").containsEntry("recurringEventId", "series-7")
                .as("a destination calendar that has no row is left out").containsEntry("destinationCalendarId", null)
                .containsEntry("oneTimePassword", "otp-1").containsEntry("reassignReason", "Out sick")
                .containsEntry("reassignById", reassigner).containsEntry("updatedAt", null);
        assertThat(text("Booking", "scheduledJobs", booking.bookingId)).isEqualTo("{job-1,job-2}");
        assertThat(jdbc.queryForObject("select \"recurringEventId\" from query_side.booking_listing where id = ?",
                String.class, booking.bookingId)).isEqualTo("series-7");
        assertThat(row("BookingReference", reference)).containsEntry("credentialId", credentialId)
                .as("a delegation credential that has no row is left out")
                .containsEntry("domainWideDelegationCredentialId", null).containsEntry("delegationCredentialId", null);
        assertThat(row("BookingInternalNote", note)).containsEntry("notePresetId", 3);

        publish("Booking", BookingIds.aggregateId(booking.uid),
                new BookingCancelled(booking.uid, booking.bookingId, "Done", email(host), T3));
        awaitProjectionsCaughtUp();
        assertThat(row("Booking", booking.bookingId)).containsEntry("recurringEventId", "series-7")
                .containsEntry("oneTimePassword", "otp-1").containsEntry("reassignById", reassigner)
                .containsEntry("updatedAt", at(T3));
        assertThat(text("Booking", "scheduledJobs", booking.bookingId)).isEqualTo("{job-1,job-2}");
    }

    @Test
    void every_booking_event_handled_twice_leaves_the_rows_it_left_the_first_time() {
        int host = user();
        int colleague = user();
        BookingAttendee ann = attendee("Ann", "ann@example.com");
        NewBooking booking = booking(host, personalEventType(host, 30)).at(inDays(-2), Duration.ofMinutes(30));
        booking.seat = new BookingSeatData(uniqueId(), "seat-" + uniqueId(), ann, Map.of("a", 1), Map.of());
        booking.tracking = new UtmParameters(uniqueId(), "ads", null, null, null, null);
        booking.status = BookingStatus.pending;
        BookingSeatData second = new BookingSeatData(uniqueId(), "seat-" + uniqueId(),
                attendee("Bob", "bob@example.com"), Map.of("b", 2), null);
        int reference = uniqueId();
        List<Object> events = List.of(booking.event(),
                new BookingSeatBooked(booking.uid, booking.bookingId, second, T1),
                new BookingConfirmed(booking.uid, booking.bookingId, host, T1),
                new BookingAbsenceMarked(booking.uid, booking.bookingId, true,
                        List.of(new AttendeeAbsence(ann.attendeeId(), ann.email(), true)), T2),
                new BookingRated(booking.uid, booking.bookingId, 5, "Great", T2),
                new BookingReferenceAdded(booking.uid, booking.bookingId, reference, "zoom_video", "z-1", null, null,
                        null, null, null, null, T2),
                new BookingReferenceRemoved(booking.uid, booking.bookingId, reference, T3),
                new BookingInternalNoteAdded(booking.uid, booking.bookingId, uniqueId(), "Note", colleague, T3),
                new BookingSeatCancelled(booking.uid, booking.bookingId, second.seatId(), second.referenceUid(),
                        second.attendee().attendeeId(), T3),
                new BookingCancelled(booking.uid, booking.bookingId, "Done", email(host), T3));
        List<String> before = rowsOf(booking.bookingId);
        for (Object event : events) {
            publish("Booking", BookingIds.aggregateId(booking.uid), event);
            awaitProjectionsCaughtUp();
            List<String> once = rowsOf(booking.bookingId);
            assertThat(once).as("%s changes the rows", event.getClass().getSimpleName()).isNotEqualTo(before);
            publish("Booking", BookingIds.aggregateId(booking.uid), event);
            awaitProjectionsCaughtUp();
            assertThat(rowsOf(booking.bookingId)).as("%s handled again", event.getClass().getSimpleName())
                    .isEqualTo(once);
            before = once;
        }
    }

    @Test
    void booking_denormalized_follows_its_event_type_and_its_user() {
        int owner = user();
        int otherTeam = team(owner);
        int teamId = team(owner);
        int teamType = teamEventType(teamId, SchedulingType.roundRobin, 30, List.of(owner));
        NewBooking teamBooking = booking(owner, teamType);
        teamBooking.teamId = teamId;
        teamBooking.publish();
        NewBooking personal = booking(owner, personalEventType(owner, 15));
        personal.eventLength = 15;
        personal.publish();
        NewBooking untouched = booking(user(), null).publish();

        publish("EventType", "event-type:" + teamType, new EventTypeUpdated(teamType, null, otherTeam, null,
                settings("title", "Team call", "slug", "team-call-" + teamType, "length", 50), T1));
        publish("User", "user:" + owner,
                new UserProfileUpdated(owner, "renamed-" + owner, "Renamed Owner", null, "UTC", "Monday", "en", 24,
                        null, null, null, null, null, false, true, null, T1),
                new UserEmailChanged(owner, email(owner), "new-" + owner + "@example.com", T1));
        awaitProjectionsCaughtUp();

        assertThat(row("BookingDenormalized", teamBooking.bookingId)).containsEntry("teamId", otherTeam)
                .containsEntry("eventLength", 50).containsEntry("eventParentId", null)
                .containsEntry("isTeamBooking", true).containsEntry("userName", "Renamed Owner")
                .containsEntry("userUsername", "renamed-" + owner)
                .containsEntry("userEmail", "new-" + owner + "@example.com")
                .as("the booking's own columns stay").containsEntry("updatedAt", null);
        assertThat(row("BookingDenormalized", personal.bookingId)).containsEntry("teamId", null)
                .containsEntry("eventLength", 15).containsEntry("userName", "Renamed Owner")
                .containsEntry("userEmail", "new-" + owner + "@example.com");
        assertThat(row("BookingDenormalized", untouched.bookingId)).containsEntry("userName", "User " + untouched.userId)
                .containsEntry("eventTypeId", null);

        publish("EventType", "event-type:" + teamType, new EventTypeUpdated(teamType, owner, null, null,
                settings("title", "Team call", "slug", "team-call-" + teamType, "length", 50), T2));
        awaitProjectionsCaughtUp();
        assertThat(row("BookingDenormalized", teamBooking.bookingId)).containsEntry("teamId", null)
                .containsEntry("isTeamBooking", false);
    }

    @Test
    void deleting_an_event_type_makes_its_bookings_and_its_managed_childrens_personal_ones_without_event_type() {
        int owner = user();
        int member = user();
        int teamId = team(owner);
        member(teamId, member, MembershipRole.MEMBER, true);
        int teamType = teamEventType(teamId, SchedulingType.collective, 30, List.of(owner, member));
        int managed = uniqueId();
        publish("EventType", "event-type:" + managed, new EventTypeCreated(managed, null, teamId, null,
                SchedulingType.managed, settings("title", "Managed", "slug", "managed-" + managed, "length", 20),
                CREATED));
        int child = managedChild(managed, member, 20);
        NewBooking teamBooking = booking(owner, teamType);
        teamBooking.teamId = teamId;
        teamBooking.publish();
        NewBooking childBooking = booking(member, child);
        childBooking.eventLength = 20;
        childBooking.eventParentId = managed;
        childBooking.publish();
        NewBooking personal = booking(owner, personalEventType(owner, 30)).publish();

        publish("EventType", "event-type:" + teamType, new EventTypeDeleted(teamType, null, teamId, null, T1));
        publish("EventType", "event-type:" + managed, new EventTypeDeleted(managed, null, teamId, null, T1));
        awaitProjectionsCaughtUp();

        for (NewBooking gone : List.of(teamBooking, childBooking)) {
            assertThat(row("Booking", gone.bookingId)).as("the foreign key nulls it").containsEntry("eventTypeId", null);
            assertThat(row("BookingDenormalized", gone.bookingId)).containsEntry("eventTypeId", null)
                    .containsEntry("teamId", null).containsEntry("eventLength", null)
                    .containsEntry("eventParentId", null).containsEntry("isTeamBooking", false)
                    .containsEntry("userId", gone.userId);
        }
        assertThat(row("BookingDenormalized", personal.bookingId)).containsEntry("eventTypeId", personal.eventTypeId)
                .containsEntry("eventLength", 30);
    }

    @Test
    void deleting_an_organization_makes_the_bookings_of_its_teams_event_types_personal_ones() {
        int owner = user();
        int org = organization(owner);
        int subTeam = team(owner, org, false);
        int teamType = teamEventType(subTeam, SchedulingType.roundRobin, 30, List.of(owner));
        NewBooking booking = booking(owner, teamType);
        booking.teamId = subTeam;
        booking.publish();
        NewBooking personal = booking(owner, personalEventType(owner, 30)).publish();

        publish("Team", "team:" + org, new TeamDeleted(org, null, T1));
        awaitProjectionsCaughtUp();

        assertThat(row("Booking", booking.bookingId)).containsEntry("eventTypeId", null);
        assertThat(row("BookingDenormalized", booking.bookingId)).containsEntry("eventTypeId", null)
                .containsEntry("teamId", null).containsEntry("isTeamBooking", false);
        assertThat(row("BookingDenormalized", personal.bookingId)).containsEntry("eventTypeId", personal.eventTypeId);
    }

    @Test
    void the_listing_keeps_the_keys_of_each_booking_as_its_booking_row_has_them() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        int goingType = personalEventType(host, 45);
        NewBooking pending = booking(host, eventTypeId).at(inDays(2), Duration.ofMinutes(30));
        pending.status = BookingStatus.pending;
        pending.publish();
        NewBooking cancelled = booking(host, eventTypeId).at(inDays(3), Duration.ofMinutes(30)).publish();
        NewBooking rated = booking(host, eventTypeId).at(inDays(-3), Duration.ofMinutes(30)).publish();
        NewBooking orphaned = booking(host, goingType).at(inDays(4), Duration.ofMinutes(45)).publish();
        publish("Booking", BookingIds.aggregateId(pending.uid),
                new BookingConfirmed(pending.uid, pending.bookingId, host, T1));
        publish("Booking", BookingIds.aggregateId(cancelled.uid),
                new BookingCancelled(cancelled.uid, cancelled.bookingId, "Ill", email(host), T2));
        publish("Booking", BookingIds.aggregateId(rated.uid), new BookingRated(rated.uid, rated.bookingId, 4, null, T3));
        publish("EventType", "event-type:" + goingType, new EventTypeDeleted(goingType, host, null, null, T3));
        awaitProjectionsCaughtUp();

        List<Integer> ids = List.of(pending.bookingId, cancelled.bookingId, rated.bookingId, orphaned.bookingId);
        String keys = "id, \"userId\", \"eventTypeId\", \"startTime\", \"endTime\", \"createdAt\", \"updatedAt\","
                + " status, \"recurringEventId\"";
        String in = " where id in (" + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        List<String> listing = jdbc.queryForList("select row(" + keys + ")::text from query_side.booking_listing"
                + in + " order by id", String.class);
        assertThat(listing).hasSize(4).isEqualTo(jdbc.queryForList("select row(" + keys + ")::text from \"Booking\""
                + in + " order by id", String.class));
        assertThat(jdbc.queryForMap("select status::text, \"updatedAt\" from query_side.booking_listing where id = ?",
                cancelled.bookingId)).containsEntry("status", "cancelled").containsEntry("updatedAt", at(T2));
        assertThat(jdbc.queryForObject("select \"eventTypeId\" from query_side.booking_listing where id = ?",
                Integer.class, orphaned.bookingId)).as("the event type went").isNull();
    }

    @Test
    void a_replay_rebuilds_every_booking_table_identically() {
        int host = user();
        int admin = user();
        int teamId = team(admin);
        member(teamId, host, MembershipRole.MEMBER, true);
        int teamType = teamEventType(teamId, SchedulingType.collective, 30, List.of(host, admin));
        for (int i = 0; i < 6; i++) {
            BookingAttendee booker = attendee("Booker " + i, "booker" + i + "@example.com");
            NewBooking booking = booking(host, i % 2 == 0 ? teamType : personalEventType(host, 30))
                    .at(inDays(i - 3), Duration.ofMinutes(30)).attendee(booker);
            booking.teamId = i % 2 == 0 ? teamId : null;
            booking.tracking = i % 3 == 0 ? new UtmParameters(uniqueId(), "src" + i, null, "c", null, null) : null;
            booking.publish();
            String stream = BookingIds.aggregateId(booking.uid);
            publish("Booking", stream, new BookingReferenceAdded(booking.uid, booking.bookingId, uniqueId(),
                            "daily_video", "room-" + i, null, null, null, null, null, null, T1),
                    new BookingInternalNoteAdded(booking.uid, booking.bookingId, uniqueId(), "by the team admin",
                            admin, T1));
            if (i == 1) {
                publish("Booking", stream, new BookingCancelled(booking.uid, booking.bookingId, "No", null, T2));
            }
            if (i == 2) {
                publish("Booking", stream, new BookingAbsenceMarked(booking.uid, booking.bookingId, true,
                        List.of(new AttendeeAbsence(booker.attendeeId(), booker.email(), true)), T2),
                        new BookingRated(booking.uid, booking.bookingId, 3, null, T3));
            }
        }
        NewBooking seated = booking(host, personalEventType(host, 60));
        seated.seat = new BookingSeatData(uniqueId(), "seat-" + uniqueId(), attendee("S", "s@example.com"),
                Map.of("s", 1), null);
        seated.publish();
        publish("User", "user:" + host, new UserProfileUpdated(host, "replayed-" + host, "Replayed", null, "UTC",
                "Monday", "en", 24, null, null, null, null, null, false, true, null, T3));
        awaitProjectionsCaughtUp();
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : TABLES) {
            before.put(table, rowsAsJson(table));
        }
        assertThat(before.get("BookingInternalNote")).isNotEmpty();

        assertThat(projections.replayAll()).contains("calcom-projections");
        await().atMost(Duration.ofSeconds(60)).until(() -> TABLES.stream()
                .allMatch(t -> rowsAsJson(t).size() == before.get(t).size()));
        awaitProjectionsCaughtUp();

        for (String table : TABLES) {
            assertThat(rowsAsJson(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
    }

    /**
     * Rows of a batch wait for its end and go out in one JDBC batch per table; when that write fails,
     * the batch is retried with each handler in a savepoint, and only the booking that PostgreSQL
     * refuses waits in the dead-letter queue, its cancellation behind it.
     */
    @Test
    void an_attendee_that_postgresql_cannot_store_holds_back_only_its_own_booking() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking before = booking(host, eventTypeId).attendee(attendee("Before", "before@example.com"));
        NewBooking poisoned = booking(host, eventTypeId).attendee(attendee("nul-\u0000", "nul@example.com"));
        NewBooking after = booking(host, eventTypeId).attendee(attendee("After", "after@example.com"));
        List<EventMessage<?>> events = new ArrayList<>();
        for (NewBooking booking : List.of(before, poisoned, after)) {
            String aggregateId = BookingIds.aggregateId(booking.uid);
            events.add(new GenericDomainEventMessage<>("Booking", aggregateId, 0, booking.event()));
            events.add(new GenericDomainEventMessage<>("Booking", aggregateId, 1,
                    new BookingCancelled(booking.uid, booking.bookingId, "moved", "x@example.com", T1)));
        }
        eventStore.publish(events);
        awaitProjectionsCaughtUp();

        for (NewBooking booking : List.of(before, after)) {
            assertThat(text("Booking", "status", booking.bookingId)).isEqualTo("cancelled");
            assertThat(count("select count(*) from \"Attendee\" where \"bookingId\" = ?", booking.bookingId)).isOne();
            assertThat(count("select count(*) from query_side.booking_listing where id = ? and status = 'cancelled'",
                    booking.bookingId)).isOne();
            assertThat(text("BookingDenormalized", "status", booking.bookingId)).isEqualTo("cancelled");
        }
        String poisonedAggregate = BookingIds.aggregateId(poisoned.uid);
        assertThat(deadLetters.sequences()).filteredOn(s -> s.sequenceIdentifier().equals(poisonedAggregate))
                .singleElement().satisfies(s -> {
                    assertThat(s.processingGroup()).isEqualTo(BookingProjector.GROUP);
                    assertThat(s.letters()).isEqualTo(2);
                });
        assertThat(count("select count(*) from \"Attendee\" where \"bookingId\" = ?", poisoned.bookingId)).isZero();
        assertThat(text("BookingDenormalized", "status", poisoned.bookingId)).as("another group goes on")
                .isEqualTo("cancelled");
        assertThat(deadLetters.evict(BookingProjector.GROUP, poisonedAggregate)).isTrue();
        // Every later replay in this JVM's shared event store would fail a batch on it and wait for the retry;
        // and the rows other groups wrote for it would be rows no rebuild makes again.
        jdbc.update("delete from eventstore.domain_event_entry where aggregate_identifier = ?", poisonedAggregate);
        for (String table : List.of("\"Booking\"", "\"BookingDenormalized\"", "query_side.booking_listing")) {
            jdbc.update("delete from " + table + " where id = ?", poisoned.bookingId);
        }
    }
}
