package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingFilter;
import com.calcomalt.contracts.scheduling.BookingPage;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.FindBooking;
import com.calcomalt.contracts.scheduling.FindBookings;
import com.calcomalt.platform.web.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings as cal.com API v2 lists them, among those the caller sees ({@link BookingVisibility}).
 * A page is chosen and counted on {@code query_side.booking_listing}, then its Booking rows are read
 * (the count is skipped when the page itself shows where the list ends), then one query each for
 * attendees, seats, hosts and successors
 * ({@link BookingViews}). "Now" is the application's clock.
 */
@Component
@Transactional(readOnly = true)
class BookingQueries {

    static final int DEFAULT_TAKE = 100;
    static final int MAX_TAKE = 250;

    /**
     * cal.com's listing statuses. Upcoming, recurring and unconfirmed have not ended; past ones have;
     * cancelled and rejected bookings are only "cancelled". Upcoming keeps a recurring series' pending
     * occurrences out (cal.com handles those as the series).
     */
    static final Map<String, String> STATUSES = Map.of(
            "upcoming", """
                    (b."endTime" >= :now and ((b."recurringEventId" is not null and b.status = 'accepted')
                        or (b."recurringEventId" is null and b.status not in ('cancelled', 'rejected'))))""",
            "recurring", """
                    (b."endTime" >= :now and b."recurringEventId" is not null
                        and b.status not in ('cancelled', 'rejected'))""",
            "past", "(b.\"endTime\" <= :now and b.status not in ('cancelled', 'rejected'))",
            "cancelled", "(b.status in ('cancelled', 'rejected'))",
            "unconfirmed", "(b.\"endTime\" >= :now and b.status = 'pending')");

    static final List<String> STATUS_NAMES = List.of("upcoming", "recurring", "past", "cancelled", "unconfirmed");

    private static final String SORT_KEYS = "b.\"startTime\", b.\"endTime\", b.\"createdAt\", b.\"updatedAt\"";

    /** Listings cal.com shows latest first; the others soonest first. */
    private static final Set<String> LATEST_FIRST = Set.of("past", "cancelled");

    private final NamedParameterJdbcTemplate jdbc;
    private final BookingViews views;
    private final Clock clock;
    private final Bookers bookers;

    BookingQueries(NamedParameterJdbcTemplate jdbc, BookingViews views, Clock clock, Bookers bookers) {
        this.bookers = bookers;
        this.jdbc = jdbc;
        this.views = views;
        this.clock = clock;
    }

    @QueryHandler
    BookingPage handle(FindBookings query) {
        BookingFilter filter = query.filter();
        int take = filter.take() <= 0 ? DEFAULT_TAKE : Math.min(filter.take(), MAX_TAKE);
        int skip = Math.max(0, filter.skip());
        MapSqlParameterSource params = new MapSqlParameterSource("now", BookingViews.local(clock.instant()))
                .addValue("take", take).addValue("skip", skip);
        String conditions = conditions(filter, params);
        List<BookingVisibility.Branch> visible = BookingVisibility.branches(query.caller(), params);
        // Each way of seeing bookings gives its own first skip + take in order, from its own index;
        // the page is taken from their union, and only its rows are read whole.
        params.addValue("depth", skip + take);
        String candidates = visible.stream()
                .map(branch -> "(" + branch.select("b.id, " + SORT_KEYS, conditions,
                        "order by " + order(filter, "b.") + " limit :depth") + ")")
                .collect(Collectors.joining(" union "));
        List<BookingViews.Row> rows = jdbc.query("select " + BookingViews.COLUMNS + ", e.slug from (select * from ("
                + candidates + ") u order by " + order(filter, "u.") + " limit :take offset :skip) p"
                + " join \"Booking\" b on b.id = p.id"
                + " left join \"EventType\" e on e.id = b.\"eventTypeId\" order by " + order(filter, "p."), params,
                BookingViews::read);
        // A page that is not full ends the list, so it gives the count; unless it is empty and past the end.
        Long total = rows.size() < take && (!rows.isEmpty() || skip == 0) ? Long.valueOf(skip + rows.size())
                : jdbc.queryForObject("select count(*) from (" + visible.stream()
                        .map(branch -> branch.select("b.id", conditions, "")).collect(Collectors.joining(" union "))
                        + ") u", params, Long.class);
        return new BookingPage(views.views(rows, query.caller()), total == null ? 0 : total, take, skip);
    }

    @QueryHandler
    Optional<BookingView> handle(FindBooking query) {
        MapSqlParameterSource params = new MapSqlParameterSource("uid", query.uid());
        String select = "select " + BookingViews.COLUMNS + ", e.slug from \"Booking\" b"
                + " left join \"EventType\" e on e.id = b.\"eventTypeId\" where b.uid = :uid and ";
        List<BookingViews.Row> rows = jdbc.query(select + BookingVisibility.condition(query.caller(), params), params,
                BookingViews::read);
        if (rows.isEmpty() && bookers.booked(query.uid(), query.caller())) {
            rows = jdbc.query(select + "true", params, BookingViews::read);
        }
        return views.views(rows, query.caller()).stream().findFirst();
    }

    private static String conditions(BookingFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        List<String> statuses = filter.status() == null ? List.of() : filter.status();
        if (!statuses.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String status : statuses) {
                String condition = STATUSES.get(status);
                if (condition == null) {
                    throw new InvalidInput("status", "is one of " + String.join(", ", STATUS_NAMES) + ", not " + status);
                }
                any.add(condition);
            }
            sql.append(" and (").append(String.join(" or ", any)).append(')');
        }
        if (filter.attendeeEmail() != null) {
            params.addValue("attendeeEmail", filter.attendeeEmail());
            sql.append(" and exists (select 1 from \"Attendee\" a where a.\"bookingId\" = b.id")
                    .append(" and lower(a.email) = lower(:attendeeEmail))");
        }
        if (filter.attendeeName() != null) {
            params.addValue("attendeeName", filter.attendeeName());
            sql.append(" and exists (select 1 from \"Attendee\" a where a.\"bookingId\" = b.id")
                    .append(" and lower(a.name) = lower(:attendeeName))");
        }
        if (filter.eventTypeIds() != null && !filter.eventTypeIds().isEmpty()) {
            params.addValue("eventTypeIds", filter.eventTypeIds());
            sql.append(" and b.\"eventTypeId\" in (:eventTypeIds)");
        }
        if (filter.teamIds() != null && !filter.teamIds().isEmpty()) {
            // A team's own event types, and its members' children of its managed ones, as cal.com filters.
            params.addValue("teamIds", filter.teamIds());
            sql.append(" and b.\"eventTypeId\" in (select e.id from \"EventType\" e")
                    .append(" left join \"EventType\" parent on parent.id = e.\"parentId\"")
                    .append(" where e.\"teamId\" in (:teamIds) or parent.\"teamId\" in (:teamIds))");
        }
        range(sql, params, "startTime", ">=", "afterStart", filter.afterStart());
        range(sql, params, "endTime", "<=", "beforeEnd", filter.beforeEnd());
        range(sql, params, "createdAt", ">=", "afterCreatedAt", filter.afterCreatedAt());
        range(sql, params, "createdAt", "<=", "beforeCreatedAt", filter.beforeCreatedAt());
        range(sql, params, "updatedAt", ">=", "afterUpdatedAt", filter.afterUpdatedAt());
        range(sql, params, "updatedAt", "<=", "beforeUpdatedAt", filter.beforeUpdatedAt());
        return sql.toString();
    }

    private static void range(StringBuilder sql, MapSqlParameterSource params, String column, String operator,
                              String name, Instant bound) {
        if (bound != null) {
            params.addValue(name, BookingViews.local(bound));
            sql.append(" and b.\"").append(column).append("\" ").append(operator).append(" :").append(name);
        }
    }

    /**
     * The sorts asked for, in the order start, end, created, updated; without any, cal.com's order
     * for the listing. The id breaks ties, so pages never overlap.
     */
    static String order(BookingFilter filter, String alias) {
        List<String> keys = new ArrayList<>();
        sort(keys, alias, "startTime", "sortStart", filter.sortStart());
        sort(keys, alias, "endTime", "sortEnd", filter.sortEnd());
        sort(keys, alias, "createdAt", "sortCreated", filter.sortCreated());
        sort(keys, alias, "updatedAt", "sortUpdatedAt", filter.sortUpdatedAt());
        String direction;
        if (keys.isEmpty()) {
            List<String> statuses = filter.status() == null ? List.of() : filter.status();
            direction = !statuses.isEmpty() && LATEST_FIRST.containsAll(statuses) ? "desc" : "asc";
            keys.add(alias + "\"startTime\" " + direction);
        } else {
            direction = keys.get(0).endsWith("desc") ? "desc" : "asc";
        }
        keys.add(alias + "id " + direction);
        return String.join(", ", keys);
    }

    private static void sort(List<String> keys, String alias, String column, String name, String direction) {
        if (direction == null) {
            return;
        }
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInput(name, "is asc or desc, not " + direction);
        }
        keys.add(alias + "\"" + column + "\" " + direction);
    }
}
