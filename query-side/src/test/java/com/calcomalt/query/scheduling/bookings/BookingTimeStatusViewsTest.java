package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.SchedulingType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * cal.com's two booking views and their timeStatus: rescheduled, then cancelled (when not
 * rescheduled), then completed (ended before now), then uncompleted (ends after now), else none.
 */
class BookingTimeStatusViewsTest extends BookingFixtures {

    private static final Instant LATER = CREATED.plusSeconds(60);

    @Autowired
    private PlatformTransactionManager transactions;

    private Map<String, String> timeStatuses(int bookingId) {
        Map<String, String> statuses = new HashMap<>();
        for (String view : List.of("BookingTimeStatusDenormalized", "BookingTimeStatus")) {
            statuses.put(view, jdbc.queryForObject("select \"timeStatus\" from \"" + view + "\" where id = ?",
                    String.class, bookingId));
        }
        return statuses;
    }

    private void assertTimeStatus(NewBooking booking, String expected) {
        assertThat(timeStatuses(booking.bookingId)).as(booking.uid)
                .containsEntry("BookingTimeStatusDenormalized", expected)
                .containsEntry("BookingTimeStatus", expected);
    }

    @Test
    void each_booking_gets_the_time_status_cal_com_gives_it_in_both_views() {
        int host = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking ended = booking(host, eventTypeId).at(inDays(-1), Duration.ofMinutes(30)).publish();
        NewBooking ahead = booking(host, eventTypeId).at(inDays(1), Duration.ofMinutes(30)).publish();
        NewBooking pendingAhead = booking(host, eventTypeId).at(inDays(2), Duration.ofMinutes(30));
        pendingAhead.status = BookingStatus.pending;
        pendingAhead.publish();
        NewBooking rejectedEnded = booking(host, eventTypeId).at(inDays(-2), Duration.ofMinutes(30));
        rejectedEnded.status = BookingStatus.pending;
        rejectedEnded.publish();
        NewBooking cancelledAhead = booking(host, eventTypeId).at(inDays(3), Duration.ofMinutes(30)).publish();
        NewBooking cancelledEnded = booking(host, eventTypeId).at(inDays(-3), Duration.ofMinutes(30)).publish();
        NewBooking movedAway = booking(host, eventTypeId).at(inDays(4), Duration.ofMinutes(30)).publish();
        NewBooking movedAwayEnded = booking(host, eventTypeId).at(inDays(-4), Duration.ofMinutes(30)).publish();
        NewBooking underway = booking(host, eventTypeId).at(NOW.minusSeconds(1800), Duration.ofMinutes(90))
                .publish();
        publish("Booking", BookingIds.aggregateId(rejectedEnded.uid),
                new BookingDeclined(rejectedEnded.uid, rejectedEnded.bookingId, null, host, LATER));
        for (NewBooking cancelled : List.of(cancelledAhead, cancelledEnded)) {
            publish("Booking", BookingIds.aggregateId(cancelled.uid),
                    new BookingCancelled(cancelled.uid, cancelled.bookingId, null, null, LATER));
        }
        for (NewBooking moved : List.of(movedAway, movedAwayEnded)) {
            publish("Booking", BookingIds.aggregateId(moved.uid),
                    new BookingRescheduled(moved.uid, moved.bookingId, "next-" + moved.uid, null, null, LATER));
        }
        awaitProjectionsCaughtUp();

        assertTimeStatus(ended, "completed");
        assertTimeStatus(rejectedEnded, "completed");
        assertTimeStatus(ahead, "uncompleted");
        assertTimeStatus(pendingAhead, "uncompleted");
        assertTimeStatus(underway, "uncompleted");
        assertTimeStatus(cancelledAhead, "cancelled");
        assertTimeStatus(cancelledEnded, "cancelled");
        assertTimeStatus(movedAway, "rescheduled");
        assertTimeStatus(movedAwayEnded, "rescheduled");
    }

    @Test
    void booking_time_status_joins_the_event_type_and_user_and_a_booking_without_event_type_is_personal() {
        int owner = user();
        int teamId = team(owner);
        int teamType = teamEventType(teamId, SchedulingType.roundRobin, 45, List.of(owner));
        NewBooking teamBooking = booking(owner, teamType);
        teamBooking.teamId = teamId;
        teamBooking.publish();
        NewBooking orphaned = booking(owner, teamEventType(teamId, SchedulingType.roundRobin, 20, List.of(owner)));
        orphaned.teamId = teamId;
        orphaned.publish();
        publish("EventType", "event-type:" + orphaned.eventTypeId,
                new EventTypeDeleted(orphaned.eventTypeId, null, teamId, null, LATER));
        awaitProjectionsCaughtUp();

        assertThat(jdbc.queryForMap("select * from \"BookingTimeStatus\" where id = ?", teamBooking.bookingId))
                .containsEntry("uid", teamBooking.uid).containsEntry("teamId", teamId)
                .containsEntry("eventLength", 45).containsEntry("eventParentId", null)
                .containsEntry("userEmail", email(owner)).containsEntry("username", "u" + owner)
                .containsEntry("isTeamBooking", true).containsEntry("userId", owner);
        assertThat(jdbc.queryForMap("select * from \"BookingTimeStatus\" where id = ?", orphaned.bookingId))
                .containsEntry("eventTypeId", null).containsEntry("teamId", null).containsEntry("eventLength", null)
                .containsEntry("isTeamBooking", false);
        assertThat(jdbc.queryForMap("select * from \"BookingTimeStatusDenormalized\" where id = ?",
                orphaned.bookingId)).containsEntry("eventTypeId", null).containsEntry("teamId", null)
                .containsEntry("isTeamBooking", false).containsEntry("userName", "User " + owner);
    }

    /**
     * A booking that ends at the very instant the view is read has no time status. The views compare
     * with PostgreSQL's now(), which stays put for a transaction; in one whose now() falls on a whole
     * millisecond (as timestamp(3) keeps endTime), a row ending then is written, read and rolled back.
     */
    @Test
    void a_booking_that_ends_at_this_very_instant_has_no_time_status() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        int id = uniqueId();
        Map<String, Object> found = null;
        for (int attempt = 0; attempt < 50_000 && found == null; attempt++) {
            found = transaction.execute(status -> {
                status.setRollbackOnly();
                if (jdbc.queryForObject("select extract(microseconds from now())::bigint % 1000", Long.class) != 0) {
                    return null;
                }
                jdbc.update("""
                        insert into "Booking" (id, uid, title, "startTime", "endTime", "createdAt")
                        values (?, ?, 'Now', now() at time zone 'UTC' - interval '30 minutes', now() at time zone 'UTC',
                                now() at time zone 'UTC')""", id, "now-" + id);
                jdbc.update("""
                        insert into "BookingDenormalized" (id, uid, title, "startTime", "endTime", "createdAt", paid,
                                                           status, "isTeamBooking")
                        select id, uid, title, "startTime", "endTime", "createdAt", paid, status, false
                        from "Booking" where id = ?""", id);
                return jdbc.queryForMap("""
                        select (select "endTime" = now() at time zone 'UTC' from "Booking" where id = ?) as "endsNow",
                               (select "timeStatus" from "BookingTimeStatus" where id = ?) as plain,
                               (select "timeStatus" from "BookingTimeStatusDenormalized" where id = ?) as denormalized""",
                        id, id, id);
            });
        }
        assertThat(found).as("a transaction whose now() is a whole millisecond").isNotNull();
        assertThat(found).containsEntry("endsNow", true).containsEntry("plain", null)
                .containsEntry("denormalized", null);
        assertThat(jdbc.queryForObject("select count(*) from \"Booking\" where id = ?", Integer.class, id)).isZero();
    }
}
