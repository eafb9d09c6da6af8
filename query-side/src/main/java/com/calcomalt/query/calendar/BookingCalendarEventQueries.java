package com.calcomalt.query.calendar;

import com.calcomalt.contracts.calendar.BookingCalendarEvent;
import com.calcomalt.contracts.calendar.BookingCalendarEvents;
import com.calcomalt.contracts.calendar.FindBookingCalendarEvents;
import com.calcomalt.contracts.identity.Caller;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking's calendar writes, seen by its organizer (or whoever may act as them) and system admins:
 * they show the organizer's calendar account. Read from the calendar writer's own table
 * ({@code calendar.booking_events}), which no replay touches.
 */
@Component
@Transactional(readOnly = true)
class BookingCalendarEventQueries {

    private final JdbcTemplate jdbc;

    BookingCalendarEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<BookingCalendarEvents> handle(FindBookingCalendarEvents query) {
        Optional<Integer> organizer = jdbc.query("select \"userId\" from \"Booking\" where uid = ?",
                (rs, i) -> (Integer) rs.getObject(1), query.uid()).stream().findFirst();
        if (organizer.isEmpty() || !sees(query.caller(), organizer.get())) {
            return Optional.empty();
        }
        List<BookingCalendarEvent> events = jdbc.query("""
                select credential_id, external_calendar_id, status, attempts, last_error, updated_at
                from calendar.booking_events where booking_uid = ?""",
                (rs, i) -> new BookingCalendarEvent((Integer) rs.getObject(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()),
                query.uid());
        return Optional.of(new BookingCalendarEvents(events));
    }

    private static boolean sees(Caller caller, Integer organizerId) {
        return caller.systemAdmin() || organizerId != null && caller.mayActAs(organizerId);
    }
}
