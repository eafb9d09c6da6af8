package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingEventTypeRef;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingSeatView;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.platform.domain.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A booking as the API shows it, folded from its own events: what a command answers, straight
 * from what it decided, without waiting for or depending on the read side.
 */
@Component
public class DecidedBookings {

    private final EventStore events;
    private final BookingLookups lookups;

    DecidedBookings(EventStore events, BookingLookups lookups) {
        this.events = events;
        this.lookups = lookups;
    }

    public BookingView of(String uid) {
        Story story = new Story();
        events.readEvents(BookingIds.aggregateId(uid)).asStream().forEach(e -> story.add(e.getPayload()));
        if (story.requested == null) {
            throw new NotFound("No booking " + uid);
        }
        return story.view();
    }

    /** The state of one booking, event by event. */
    private final class Story {
        private BookingRequested requested;
        private String status;
        private String cancellationReason;
        private String cancelledBy;
        private String rescheduledTo;
        private String rescheduledBy;
        private Instant updatedAt;
        private Boolean noShowHost;
        private Integer rating;
        private final Map<Integer, BookingAttendee> attendees = new LinkedHashMap<>();
        private final Set<Integer> absent = new HashSet<>();
        private final Map<String, BookingSeatData> seats = new LinkedHashMap<>();

        void add(Object event) {
            if (event instanceof BookingRequested e) {
                requested = e;
                status = e.status().name();
                e.attendees().forEach(a -> attendees.put(a.attendeeId(), a));
                if (e.seat() != null) {
                    seat(e.seat());
                }
            } else if (event instanceof BookingConfirmed e) {
                status = "accepted";
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingDeclined e) {
                status = "rejected";
                cancellationReason = e.rejectionReason();
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingCancelled e) {
                status = "cancelled";
                cancellationReason = e.cancellationReason();
                cancelledBy = e.cancelledBy();
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingRescheduled e) {
                status = "cancelled";
                cancellationReason = e.cancellationReason();
                rescheduledTo = e.newUid();
                rescheduledBy = e.rescheduledBy();
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingAbsenceMarked e) {
                if (e.noShowHost() != null) {
                    noShowHost = e.noShowHost();
                }
                for (AttendeeAbsence absence : e.attendees()) {
                    if (absence.noShow()) {
                        absent.add(absence.attendeeId());
                    } else {
                        absent.remove(absence.attendeeId());
                    }
                }
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingSeatBooked e) {
                seat(e.seat());
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingSeatCancelled e) {
                seats.remove(e.referenceUid());
                attendees.remove(e.attendeeId());
                updatedAt = e.updatedAt();
            } else if (event instanceof BookingRated e) {
                rating = e.rating();
                updatedAt = e.updatedAt();
            }
        }

        private void seat(BookingSeatData seat) {
            seats.put(seat.referenceUid(), seat);
            attendees.put(seat.attendee().attendeeId(), seat.attendee());
        }

        BookingView view() {
            BookingRequested r = requested;
            Map<Integer, Person> people = lookups.people(r.hostIds());
            List<BookingHostView> hosts = new ArrayList<>();
            for (Integer hostId : r.hostIds()) {
                Person p = people.get(hostId);
                hosts.add(p == null ? new BookingHostView(hostId, null, null, null, null)
                        : new BookingHostView(hostId, p.name(), p.email(), p.username(), p.timeZone()));
            }
            Set<String> hostEmails = new HashSet<>();
            hosts.forEach(h -> hostEmails.add(h.email()));
            List<String> guests = r.responses() != null && r.responses().get("guests") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            List<BookingAttendeeView> attendeeViews = attendees.values().stream()
                    .filter(a -> !hostEmails.contains(a.email()))
                    .map(a -> new BookingAttendeeView(a.name(), a.email(), a.timeZone(), a.locale(),
                            absent.contains(a.attendeeId()), a.phoneNumber()))
                    .toList();
            Map<String, Object> responses = r.responses() == null ? Map.of() : r.responses();
            Object reschedulingReason = responses.get("rescheduleReason");
            List<BookingSeatView> seatViews = seats.values().stream()
                    .map(s -> new BookingSeatView(s.referenceUid(), s.attendee().email(), s.data(), s.metadata()))
                    .toList();
            Map<String, Object> metadata = new HashMap<>(r.metadata() == null ? Map.of() : r.metadata());
            return new BookingView(r.bookingId(), r.uid(), r.title(), r.description(), hosts, status,
                    cancellationReason, cancelledBy, reschedulingReason instanceof String s ? s : null,
                    rescheduledBy != null ? rescheduledBy : r.rescheduledBy(), r.fromReschedule(), rescheduledTo, r.startTime(), r.endTime(),
                    (int) Duration.between(r.startTime(), r.endTime()).toMinutes(), r.eventTypeId(),
                    r.eventTypeId() == null ? null : lookups.eventTypeSlug(r.eventTypeId())
                            .map(slug -> new BookingEventTypeRef(r.eventTypeId(), slug)).orElse(null),
                    metadata.get("videoCallUrl") instanceof String url ? url : r.location(), r.location(),
                    Boolean.TRUE.equals(noShowHost), r.createdAt(), updatedAt, metadata, rating, r.iCalUID(),
                    attendeeViews, guests, responses, seatViews);
        }
    }
}
