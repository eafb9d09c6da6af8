package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.MembershipCreated;
import com.calcomalt.contracts.identity.MembershipRole;
import com.calcomalt.contracts.identity.RRResetInterval;
import com.calcomalt.contracts.identity.RRTimestampBasis;
import com.calcomalt.contracts.identity.TeamCreated;
import com.calcomalt.contracts.identity.TeamSettings;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingHostSnapshot;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.PeriodType;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UtmParameters;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.query.support.QuerySideTest;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Users, teams, event types and bookings as the command side's events make them, for the booking read side's tests. */
public abstract class BookingFixtures extends QuerySideTest {

    /** Whole minutes away from now, so "upcoming" and "past" are clear whatever the test's speed. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    protected static final Instant CREATED = Instant.parse("2026-01-05T10:15:30.125Z");

    protected static Instant inDays(double days) {
        return NOW.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    protected static Timestamp at(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    protected static String email(int userId) {
        return "u" + userId + "@example.com";
    }

    protected int user() {
        int id = uniqueId();
        publish("User", "user:" + id, new UserRegistered(id, UUID.randomUUID(), email(id), "u" + id, "User " + id,
                "Europe/Berlin", "Monday", "de", 24, IdentityProvider.CAL, null, CreationSource.api_v2, CREATED));
        return id;
    }

    protected int systemAdmin() {
        int id = user();
        publish("User", "user:" + id, new UserRoleChanged(id, UserPermissionRole.ADMIN, CREATED));
        return id;
    }

    protected int team(int ownerId) {
        return team(ownerId, null, false);
    }

    protected int organization(int ownerId) {
        return team(ownerId, null, true);
    }

    protected int team(int ownerId, Integer parentId, boolean organization) {
        int teamId = uniqueId();
        publish("Team", "team:" + teamId, new TeamCreated(teamId, "Team " + teamId, "team-" + teamId, parentId,
                organization, new TeamSettings(null, false, false, null, null, null, null, null, null, null, null,
                        null, "Europe/London", "Sunday", false, null, null, false, RRResetInterval.MONTH,
                        RRTimestampBasis.CREATED_AT, false), ownerId, CREATED));
        member(teamId, ownerId, MembershipRole.OWNER, true);
        return teamId;
    }

    protected void member(int teamId, int userId, MembershipRole role, boolean accepted) {
        int membershipId = uniqueId();
        publish("Membership", "membership:" + membershipId,
                new MembershipCreated(membershipId, teamId, userId, role, accepted, CREATED));
    }

    protected int personalEventType(int ownerId, int length) {
        int eventTypeId = uniqueId();
        publish("EventType", "event-type:" + eventTypeId, new EventTypeCreated(eventTypeId, ownerId, null, null, null,
                settings("title", "Call", "slug", "call-" + eventTypeId, "length", length), CREATED));
        return eventTypeId;
    }

    protected int teamEventType(int teamId, SchedulingType type, int length, List<Integer> hostIds) {
        int eventTypeId = uniqueId();
        publish("EventType", "event-type:" + eventTypeId,
                new EventTypeCreated(eventTypeId, null, teamId, null, type,
                        settings("title", "Team call", "slug", "team-call-" + eventTypeId, "length", length), CREATED),
                new EventTypeHostsSet(eventTypeId, teamId, hostIds.stream()
                        .map(h -> new Host(h, null, type == SchedulingType.collective, null, null, null, CREATED))
                        .toList(), CREATED));
        return eventTypeId;
    }

    /** A member's own child of a team's managed event type. */
    protected int managedChild(int parentId, int userId, int length) {
        int eventTypeId = uniqueId();
        publish("EventType", "event-type:" + eventTypeId, new EventTypeCreated(eventTypeId, userId, null, parentId,
                null, settings("title", "Managed", "slug", "managed-" + eventTypeId, "length", length), CREATED));
        return eventTypeId;
    }

    /** Event type settings with cal.com's defaults, as the command side completes them. */
    protected static EventTypeSettings settings(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>(Map.ofEntries(Map.entry("hidden", false),
                Map.entry("position", 0), Map.entry("periodType", PeriodType.unlimited),
                Map.entry("requiresConfirmation", false), Map.entry("requiresConfirmationWillBlockSlot", false),
                Map.entry("minimumBookingNotice", 120), Map.entry("beforeEventBuffer", 0),
                Map.entry("afterEventBuffer", 0), Map.entry("seatsShowAttendees", false),
                Map.entry("seatsShowAvailabilityCount", true), Map.entry("price", 0), Map.entry("currency", "usd"),
                Map.entry("disableGuests", false), Map.entry("hideCalendarNotes", false),
                Map.entry("hideCalendarEventDetails", false), Map.entry("forwardParamsSuccessRedirect", true),
                Map.entry("lockTimeZoneToggleOnBookingPage", false), Map.entry("onlyShowFirstAvailableSlot", false),
                Map.entry("offsetStart", 0), Map.entry("requiresBookerEmailVerification", false),
                Map.entry("useBookerTimezone", false), Map.entry("disableCancelling", false),
                Map.entry("disableRescheduling", false), Map.entry("allowReschedulingPastBookings", false),
                Map.entry("allowReschedulingCancelledBookings", false), Map.entry("isRRWeightsEnabled", false),
                Map.entry("rescheduleWithSameRoundRobinHost", false), Map.entry("assignAllTeamMembers", false),
                Map.entry("hideOrganizerEmail", false)));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        RecordComponent[] components = EventTypeSettings.class.getRecordComponents();
        Object[] arguments = Arrays.stream(components).map(c -> values.get(c.getName())).toArray();
        try {
            return EventTypeSettings.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new)).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static BookingAttendee attendee(String name, String email) {
        return new BookingAttendee(uniqueId(), name, email, "America/New_York", "en", null);
    }

    /** A booking as the command side requests it; change the fields, then take its {@link #event()}. */
    protected final class NewBooking {
        int bookingId = uniqueId();
        String uid = "booking-" + bookingId;
        Integer eventTypeId;
        Integer userId;
        List<Integer> hostIds;
        String title = "Call between host and booker";
        String description = "Agenda";
        Instant start = inDays(1);
        Instant end = inDays(1).plus(Duration.ofMinutes(30));
        String location = "integrations:daily";
        BookingStatus status = BookingStatus.accepted;
        List<BookingAttendee> attendees = new ArrayList<>();
        Map<String, Object> responses = new LinkedHashMap<>(Map.of("name", "Booker"));
        Map<String, Object> customInputs = Map.of();
        Map<String, Object> metadata = Map.of();
        String smsReminderNumber;
        String fromReschedule;
        String rescheduledBy;
        BookingSeatData seat;
        UtmParameters tracking;
        int bookedBy;
        Integer teamId;
        Integer eventLength = 30;
        Integer eventParentId;
        Instant createdAt = CREATED;

        NewBooking(int hostId, Integer eventTypeId) {
            this.userId = hostId;
            this.hostIds = List.of(hostId);
            this.eventTypeId = eventTypeId;
            this.bookedBy = hostId;
        }

        NewBooking at(Instant start, Duration length) {
            this.start = start;
            this.end = start.plus(length);
            return this;
        }

        NewBooking attendee(BookingAttendee attendee) {
            attendees.add(attendee);
            return this;
        }

        BookingRequested event() {
            return new BookingRequested(bookingId, uid, eventTypeId, userId, hostIds, email(userId), title, description,
                    start, end, 0, 0, location, status, attendees, responses, customInputs, metadata,
                    smsReminderNumber, uid + "@Cal.com", fromReschedule == null ? 0 : 1,
                    status == BookingStatus.accepted || status == BookingStatus.pending ? "key-" + uid : null,
                    fromReschedule, rescheduledBy, seat, tracking, CreationSource.api_v2, bookedBy,
                    new BookingHostSnapshot(teamId, eventLength, eventParentId, email(userId), "User " + userId,
                            "u" + userId), createdAt);
        }

        public NewBooking publish() {
            book(this);
            return this;
        }

        public NewBooking status(BookingStatus status) {
            this.status = status;
            return this;
        }

        public String uid() {
            return uid;
        }

        public int bookingId() {
            return bookingId;
        }
    }

    protected NewBooking booking(int hostId, Integer eventTypeId) {
        return new NewBooking(hostId, eventTypeId);
    }

    protected void book(NewBooking booking) {
        publish("Booking", BookingIds.aggregateId(booking.uid), booking.event());
    }

    /** Events of a booking's stream as its command would store them: with the id of the caller who sent it. */
    protected void publishBy(int callerId, String uid, Object... payloads) {
        String aggregateId = BookingIds.aggregateId(uid);
        Long last = jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        long sequence = last == null ? 0 : last + 1;
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>("Booking", aggregateId, sequence++, payload,
                    MetaData.with(CallerMetaData.CALLER_USER_ID, callerId)));
        }
    }
}
