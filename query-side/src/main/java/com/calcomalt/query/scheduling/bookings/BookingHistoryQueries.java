package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingHistory;
import com.calcomalt.contracts.scheduling.BookingHistoryEntry;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.FindBookingHistory;
import com.calcomalt.platform.axon.CallerMetaData;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A booking's history, read from its stream in the event store: every event of the booking, of the
 * bookings it was rescheduled from and of those it was rescheduled to, in the order they happened.
 * Whoever sees the booking sees its whole chain, since a reschedule keeps the host and attendees.
 */
@Component
class BookingHistoryQueries {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What a booking's history does not repeat: a video meeting's password is for its attendees' invitations. */
    private static final Set<String> SECRETS = Set.of("meetingPassword", "oneTimePassword");

    private record Step(BookingHistoryEntry entry, String eventId, int found, long sequence) {
    }

    private final EventStore eventStore;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    private final Bookers bookers;

    BookingHistoryQueries(EventStore eventStore, NamedParameterJdbcTemplate jdbc, ObjectMapper json, Bookers bookers) {
        this.bookers = bookers;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<BookingHistory> handle(FindBookingHistory query) {
        if (!sees(query.caller(), query.uid())) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        Deque<String> chain = new ArrayDeque<>(List.of(query.uid()));
        Set<String> read = new HashSet<>();
        while (!chain.isEmpty()) {
            String uid = chain.pop();
            if (!read.add(uid)) {
                continue;
            }
            int found = read.size();
            DomainEventStream stream = eventStore.readEvents(BookingIds.aggregateId(uid));
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                Object payload = message.getPayload();
                if (payload instanceof BookingRequested requested && requested.fromReschedule() != null) {
                    chain.push(requested.fromReschedule());
                }
                if (payload instanceof BookingRescheduled rescheduled && rescheduled.newUid() != null) {
                    chain.push(rescheduled.newUid());
                }
                Map<String, Object> data = json.convertValue(payload, MAP);
                data.keySet().removeAll(SECRETS);
                steps.add(new Step(new BookingHistoryEntry(uid, message.getPayloadType().getSimpleName(),
                        occurredAt(payload, message.getTimestamp()), byUserId(message.getMetaData()), data),
                        message.getIdentifier(), found, message.getSequenceNumber()));
            }
        }
        // The store's global order is the order things happened, also between bookings of one instant.
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("select event_identifier, global_index from eventstore.domain_event_entry"
                        + " where event_identifier in (:ids)",
                new MapSqlParameterSource("ids", steps.isEmpty() ? List.of("") : steps.stream().map(Step::eventId).toList()),
                rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        steps.sort(Comparator.comparingLong((Step s) -> positions.getOrDefault(s.eventId(), Long.MAX_VALUE))
                .thenComparingInt(Step::found).thenComparingLong(Step::sequence));
        return Optional.of(new BookingHistory(query.uid(), steps.stream().map(Step::entry).toList()));
    }

    private boolean sees(Caller caller, String uid) {
        MapSqlParameterSource params = new MapSqlParameterSource("uid", uid);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from \"Booking\" b where b.uid = :uid"
                + " and " + BookingVisibility.condition(caller, params) + ")", params, Boolean.class))
                || bookers.booked(uid, caller);
    }

    /** When the booking changed, as the aggregate's clock said; the store's own time for anything else. */
    private static Instant occurredAt(Object payload, Instant stored) {
        Instant at = null;
        if (payload instanceof BookingRequested e) {
            at = e.createdAt();
        } else if (payload instanceof BookingConfirmed e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingDeclined e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingCancelled e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingRescheduled e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingAbsenceMarked e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingRated e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingSeatBooked e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingSeatCancelled e) {
            at = e.updatedAt();
        } else if (payload instanceof BookingInternalNoteAdded e) {
            at = e.createdAt();
        } else if (payload instanceof BookingReferenceAdded e) {
            at = e.addedAt();
        } else if (payload instanceof BookingReferenceRemoved e) {
            at = e.removedAt();
        }
        return at != null ? at : stored;
    }

    /**
     * The user whose command caused the event: its caller's id, which every event carries; the
     * caller itself when a message kept it (a Map once it has been through JSON).
     */
    static Integer byUserId(MetaData metaData) {
        if (metaData.get(CallerMetaData.CALLER_USER_ID) instanceof Number id) {
            return id.intValue();
        }
        Object caller = metaData.get(CallerMetaData.CALLER);
        if (caller instanceof Caller c) {
            return c.userId();
        }
        if (caller instanceof Map<?, ?> c && c.get("userId") instanceof Number id) {
            return id.intValue();
        }
        return null;
    }
}
