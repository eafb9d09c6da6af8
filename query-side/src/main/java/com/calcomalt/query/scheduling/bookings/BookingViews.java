package com.calcomalt.query.scheduling.bookings;

import static com.calcomalt.platform.database.Timestamps.instant;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingAttendeeView;
import com.calcomalt.contracts.scheduling.BookingHostView;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.BookingSeatView;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import com.calcomalt.rules.scheduling.BookingViewBuilder;
import com.calcomalt.rules.scheduling.BookingViewBuilder.Made;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns Booking rows into cal.com API v2's booking: one query each for the attendees, the seats,
 * the hosts and (when some were rescheduled) the successors of all the bookings of a page, each an
 * index lookup, whatever the page's size.
 */
@Component
class BookingViews {

    /** The Booking columns a view needs, for {@code "Booking" b}; {@link #read} reads them in this order. */
    static final String COLUMNS = """
            b.id, b.uid, b.title, b.description, b.status::text as status, b."cancellationReason", b."cancelledBy",
            b."rescheduledBy", b."fromReschedule", b.rescheduled, b."startTime", b."endTime", b."eventTypeId",
            b.location, b."noShowHost", b."createdAt", b."updatedAt", b.metadata::text as metadata, b.rating,
            b."iCalUID", b.responses::text as responses, b."userId", b.paid
            """;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A Booking row as {@link #COLUMNS} selects it, with its event type's slug. */
    record Row(int id, String uid, String title, String description, String status, String cancellationReason,
               String cancelledBy, String rescheduledBy, String fromReschedule, Boolean rescheduled, Instant start,
               Instant end, Integer eventTypeId, String eventTypeSlug, String location, Boolean noShowHost,
               Instant createdAt, Instant updatedAt, String metadata, Integer rating, String iCalUID,
               String responses, Integer userId, boolean paid) {
    }

    private record Hosts(Map<Integer, BookingHostView> users, Map<Integer, Map<String, BookingHostView>> byEventType) {
    }

    private record Attendee(String email, BookingAttendeeView view) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    BookingViews(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Reads {@link #COLUMNS} and then the event type's slug, the column after them. */
    static Row read(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Boolean) rs.getObject(10),
                instant(rs, 11), instant(rs, 12), (Integer) rs.getObject(13), rs.getString(24), rs.getString(14),
                (Boolean) rs.getObject(15), instant(rs, 16), instant(rs, 17), rs.getString(18), (Integer) rs.getObject(19),
                rs.getString(20), rs.getString(21), (Integer) rs.getObject(22), rs.getBoolean(23));
    }

    /** The bookings as {@code caller} sees them: their payments only when on the booking's host side. */
    List<BookingView> views(List<Row> rows, Caller caller) {
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", rows.stream().map(Row::id).toList());
        Map<Integer, List<BookingPaymentView>> payments = new HashMap<>();
        jdbc.query("""
                select p."bookingId", p.id, p.uid, p."appId", p.amount, p.fee, p.currency, p.success, p.refunded,
                       p."paymentOption"::text, p."externalId", p.data->>'status' = 'succeeded',
                       coalesce((p.data->>'refund_failures')::int, 0), p.data->>'status' = 'canceled',
                       p.data->>'last_payment_error' is not null, coalesce(p.data->>'refund_error', p.data->>'last_payment_error')
                from "Payment" p join "Booking" b on b.id = p."bookingId"
                where p."bookingId" in (:ids) and\s""" + BookingVisibility.hostSide(caller, params)
                + " order by p.id", params, rs -> {
            payments.computeIfAbsent(rs.getInt(1), b -> new ArrayList<>()).add(new BookingPaymentView(rs.getInt(2),
                    rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8),
                    rs.getBoolean(9), rs.getString(10) == null ? null : PaymentOption.valueOf(rs.getString(10)),
                    rs.getString(11), null, BookingPaymentView.status(true, rs.getBoolean(8) || rs.getBoolean(12),
                            rs.getBoolean(9), rs.getInt(13), rs.getBoolean(14), rs.getBoolean(15)),
                    rs.getBoolean(9) ? null : rs.getString(16)));
        });
        Map<Integer, List<Attendee>> attendees = new HashMap<>();
        jdbc.query("""
                select "bookingId", id, name, email, "timeZone", locale, "noShow", "phoneNumber"
                from "Attendee" where "bookingId" in (:ids) order by id""", params, rs -> {
            attendees.computeIfAbsent(rs.getInt(1), b -> new ArrayList<>()).add(new Attendee(rs.getString(4),
                    new BookingAttendeeView(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            Boolean.TRUE.equals(rs.getObject(7)), rs.getString(8))));
        });
        Map<Integer, List<BookingSeatView>> seats = new HashMap<>();
        jdbc.query("""
                select s."bookingId", s."referenceUid", a.email, s.data::text, s.metadata::text
                from "BookingSeat" s join "Attendee" a on a.id = s."attendeeId"
                where s."bookingId" in (:ids) order by s.id""", params, rs -> {
            seats.computeIfAbsent(rs.getInt(1), b -> new ArrayList<>()).add(new BookingSeatView(rs.getString(2),
                    rs.getString(3), map(rs.getString(4)), map(rs.getString(5))));
        });
        Hosts hosts = hosts(rows);
        Map<String, String> successors = successors(rows);
        List<BookingView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<BookingHostView> bookingHosts = new ArrayList<>();
            if (row.userId() != null && hosts.users().containsKey(row.userId())) {
                bookingHosts.add(hosts.users().get(row.userId()));
            }
            Map<String, BookingHostView> coHosts = row.eventTypeId() == null ? Map.of()
                    : hosts.byEventType().getOrDefault(row.eventTypeId(), Map.of());
            List<BookingAttendeeView> people = new ArrayList<>();
            for (Attendee attendee : attendees.getOrDefault(row.id(), List.of())) {
                BookingHostView coHost = coHosts.get(attendee.email());
                if (coHost != null && !Objects.equals(coHost.id(), row.userId())) {
                    bookingHosts.add(coHost);
                } else {
                    people.add(attendee.view());
                }
            }
            views.add(view(row, bookingHosts, people, seats.getOrDefault(row.id(), List.of()),
                    successors.get(row.uid()), payments.getOrDefault(row.id(), List.of())));
        }
        return views;
    }

    /**
     * The bookings' users, and the hosts of their event types by email: cal.com lists a team
     * booking's other hosts among its attendees, so an attendee who hosts the event type is a co-host.
     */
    private Hosts hosts(List<Row> rows) {
        List<Integer> userIds = rows.stream().map(Row::userId).filter(Objects::nonNull).distinct().toList();
        List<Integer> eventTypeIds = rows.stream().map(Row::eventTypeId).filter(Objects::nonNull).distinct().toList();
        Map<Integer, BookingHostView> users = new HashMap<>();
        Map<Integer, Map<String, BookingHostView>> byEventType = new HashMap<>();
        List<String> parts = new ArrayList<>();
        if (!userIds.isEmpty()) {
            parts.add("""
                    select null::int, u.id, u.name, u.email, u.username, u."timeZone" from users u
                    where u.id in (:userIds)""");
        }
        if (!eventTypeIds.isEmpty()) {
            parts.add("""
                    select h."eventTypeId", u.id, u.name, u.email, u.username, u."timeZone"
                    from "Host" h join users u on u.id = h."userId" where h."eventTypeId" in (:eventTypeIds)""");
        }
        if (!parts.isEmpty()) {
            jdbc.query(String.join(" union all ", parts), new MapSqlParameterSource("userIds", userIds)
                    .addValue("eventTypeIds", eventTypeIds), rs -> {
                BookingHostView host = new BookingHostView(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                Integer eventTypeId = (Integer) rs.getObject(1);
                if (eventTypeId == null) {
                    users.put(host.id(), host);
                } else {
                    byEventType.computeIfAbsent(eventTypeId, e -> new HashMap<>()).put(host.email(), host);
                }
            });
        }
        return new Hosts(users, byEventType);
    }

    /** The bookings that replaced the rescheduled ones among these, by the uid they came from. */
    private Map<String, String> successors(List<Row> rows) {
        List<String> rescheduled = rows.stream().filter(r -> Boolean.TRUE.equals(r.rescheduled())).map(Row::uid)
                .toList();
        Map<String, String> successors = new HashMap<>();
        if (!rescheduled.isEmpty()) {
            jdbc.query("""
                    select "fromReschedule", uid from "Booking" where "fromReschedule" in (:uids) order by id""",
                    new MapSqlParameterSource("uids", rescheduled),
                    rs -> {
                        successors.putIfAbsent(rs.getString(1), rs.getString(2));
                    });
        }
        return successors;
    }

    private BookingView view(Row row, List<BookingHostView> hosts, List<BookingAttendeeView> attendees,
                             List<BookingSeatView> seats, String rescheduledTo, List<BookingPaymentView> payments) {
        Made made = new Made(row.id(), row.uid(), row.title(), row.description(), row.fromReschedule(), row.start(),
                row.end(), row.eventTypeId(), row.location(), row.createdAt(), map(row.metadata()), row.iCalUID(),
                map(row.responses()));
        Lifecycle lifecycle = new Lifecycle(BookingStatus.valueOf(row.status()), row.cancellationReason(), null,
                row.cancelledBy(), row.rescheduled(), row.rescheduledBy(), rescheduledTo,
                Boolean.TRUE.equals(row.noShowHost()), row.rating(), null, row.updatedAt(), row.paid());
        return BookingViewBuilder.view(made, lifecycle, hosts, row.eventTypeSlug(), attendees, seats, payments);
    }

    private Map<String, Object> map(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A jsonb column holds no JSON object: " + text, e);
        }
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
