package com.calcomalt.query.scheduling.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingHistory;
import com.calcomalt.contracts.scheduling.BookingHistoryEntry;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.FindBookingHistory;
import com.calcomalt.platform.axon.CallerMetaData;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** FindBookingHistory: a booking's events from the event store, along its reschedule chain. */
class BookingHistoryTest extends BookingFixtures {

    @Autowired
    private QueryGateway queries;

    private Optional<BookingHistory> history(int callerId, String uid) {
        return queries.query(new FindBookingHistory(uid, new Caller(callerId, false, null)),
                ResponseTypes.optionalInstanceOf(BookingHistory.class)).join();
    }

    @Test
    void the_history_follows_the_reschedule_chain_both_ways_in_the_order_things_happened() {
        int host = user();
        int booker = user();
        int eventTypeId = personalEventType(host, 30);
        NewBooking first = booking(host, eventTypeId).at(inDays(1), Duration.ofMinutes(30))
                .attendee(attendee("Booker", email(booker)));
        first.bookedBy = booker;
        NewBooking second = booking(host, eventTypeId).at(inDays(2), Duration.ofMinutes(30))
                .attendee(attendee("Booker", email(booker)));
        second.fromReschedule = first.uid;
        second.createdAt = CREATED.plusSeconds(20);
        NewBooking third = booking(host, eventTypeId).at(inDays(3), Duration.ofMinutes(30))
                .attendee(attendee("Booker", email(booker)));
        third.fromReschedule = second.uid;
        third.createdAt = CREATED.plusSeconds(30);
        int note = uniqueId();
        publishBy(booker, first.uid, first.event());
        publishBy(host, first.uid, new BookingInternalNoteAdded(first.uid, first.bookingId, note, "VIP", host,
                CREATED.plusSeconds(10)), new BookingReferenceAdded(first.uid, first.bookingId, uniqueId(),
                "zoom_video", "z-1", "123", "s3cret", "https://zoom.example/j/123", null, null, null,
                CREATED.plusSeconds(10)));
        publishBy(booker, first.uid, new BookingRescheduled(first.uid, first.bookingId, second.uid, "Clash",
                email(booker), CREATED.plusSeconds(20)));
        publishBy(booker, second.uid, second.event());
        publishBy(host, second.uid, new BookingRescheduled(second.uid, second.bookingId, third.uid, null,
                email(host), CREATED.plusSeconds(30)));
        publishBy(host, third.uid, third.event());
        publishBy(host, third.uid, new BookingCancelled(third.uid, third.bookingId, "Off", email(host),
                CREATED.plusSeconds(40)));
        awaitProjectionsCaughtUp();

        for (NewBooking asked : new NewBooking[] {first, second, third}) {
            BookingHistory history = history(booker, asked.uid).orElseThrow();
            assertThat(history.uid()).isEqualTo(asked.uid);
            assertThat(history.entries()).extracting(BookingHistoryEntry::bookingUid, BookingHistoryEntry::type,
                    BookingHistoryEntry::occurredAt, BookingHistoryEntry::byUserId).containsExactly(
                    tuple(first.uid, "BookingRequested", CREATED, booker),
                    tuple(first.uid, "BookingInternalNoteAdded", CREATED.plusSeconds(10), host),
                    tuple(first.uid, "BookingReferenceAdded", CREATED.plusSeconds(10), host),
                    tuple(first.uid, "BookingRescheduled", CREATED.plusSeconds(20), booker),
                    tuple(second.uid, "BookingRequested", CREATED.plusSeconds(20), booker),
                    tuple(second.uid, "BookingRescheduled", CREATED.plusSeconds(30), host),
                    tuple(third.uid, "BookingRequested", CREATED.plusSeconds(30), host),
                    tuple(third.uid, "BookingCancelled", CREATED.plusSeconds(40), host));
        }
        Map<String, Object> data = history(host, second.uid).orElseThrow().entries().get(4).data();
        assertThat(data).containsEntry("uid", second.uid).containsEntry("fromReschedule", first.uid)
                .containsEntry("bookingId", second.bookingId).containsEntry("createdAt", "2026-01-05T10:15:50.125Z")
                .containsEntry("status", "accepted");
        assertThat(data.get("host")).isInstanceOf(Map.class);
        assertThat(history(host, second.uid).orElseThrow().entries().get(2).data())
                .containsEntry("meetingUrl", "https://zoom.example/j/123").doesNotContainKey("meetingPassword");
    }

    @Test
    void the_history_of_a_booking_one_may_not_see_or_that_does_not_exist_is_empty() {
        int host = user();
        int stranger = user();
        NewBooking booking = booking(host, personalEventType(host, 30));
        publishBy(host, booking.uid, booking.event());
        awaitProjectionsCaughtUp();

        assertThat(history(host, booking.uid)).isPresent();
        assertThat(history(stranger, booking.uid)).isEmpty();
        assertThat(history(host, "no-such-booking")).isEmpty();
    }

    @Test
    void the_author_of_an_event_is_its_callers_id_or_the_caller_it_kept() {
        assertThat(BookingHistoryQueries.byUserId(MetaData.with(CallerMetaData.CALLER_USER_ID, 7))).isEqualTo(7);
        assertThat(BookingHistoryQueries.byUserId(MetaData.with(CallerMetaData.CALLER,
                Map.of("userId", 8, "systemAdmin", false)))).isEqualTo(8);
        assertThat(BookingHistoryQueries.byUserId(MetaData.with(CallerMetaData.CALLER, new Caller(9, true, null))))
                .isEqualTo(9);
        assertThat(BookingHistoryQueries.byUserId(MetaData.emptyInstance())).isNull();
    }
}
