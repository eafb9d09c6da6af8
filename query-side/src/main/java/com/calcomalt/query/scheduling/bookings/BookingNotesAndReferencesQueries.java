package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingInternalNoteView;
import com.calcomalt.contracts.scheduling.BookingInternalNotes;
import com.calcomalt.contracts.scheduling.BookingReferenceView;
import com.calcomalt.contracts.scheduling.BookingReferences;
import com.calcomalt.contracts.scheduling.FindBookingInternalNotes;
import com.calcomalt.contracts.scheduling.FindBookingReferences;
import com.calcomalt.platform.database.Timestamps;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking's internal notes and references, seen by its host side only ({@link BookingVisibility#hostSide}),
 * who alone may write them: attendees and bookers never see the notes, nor the meeting's credentials.
 */
@Component
@Transactional(readOnly = true)
class BookingNotesAndReferencesQueries {

    private final NamedParameterJdbcTemplate jdbc;

    BookingNotesAndReferencesQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<BookingInternalNotes> handle(FindBookingInternalNotes query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return hostSideBooking(query.uid(), query.caller(), params).map(bookingId -> new BookingInternalNotes(
                jdbc.query("""
                        select id, text, "notePresetId", "createdById", "createdAt" from "BookingInternalNote"
                        where "bookingId" = :bookingId order by "createdAt", id""",
                        params.addValue("bookingId", bookingId),
                        (rs, i) -> new BookingInternalNoteView(rs.getInt(1), rs.getString(2),
                                (Integer) rs.getObject(3), rs.getInt(4), Timestamps.instant(rs, 5)))));
    }

    @QueryHandler
    Optional<BookingReferences> handle(FindBookingReferences query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        // cal.com keeps a removed reference, marked deleted, and lists only the others.
        return hostSideBooking(query.uid(), query.caller(), params).map(bookingId -> new BookingReferences(
                jdbc.query("""
                        select id, type, uid, "externalCalendarId", "meetingId", "meetingPassword", "meetingUrl",
                               "credentialId", "thirdPartyRecurringEventId"
                        from "BookingReference"
                        where "bookingId" = :bookingId and deleted is not true
                          and (cast(:type as text) is null or type = :type)
                        order by id""",
                        params.addValue("bookingId", bookingId).addValue("type", query.type()),
                        (rs, i) -> new BookingReferenceView(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                (Integer) rs.getObject(8), rs.getString(9)))));
    }

    private Optional<Integer> hostSideBooking(String uid, Caller caller, MapSqlParameterSource params) {
        params.addValue("uid", uid);
        return jdbc.query("select b.id from \"Booking\" b where b.uid = :uid and "
                        + BookingVisibility.hostSide(caller, params), params, (rs, i) -> rs.getInt(1))
                .stream().findFirst();
    }
}
