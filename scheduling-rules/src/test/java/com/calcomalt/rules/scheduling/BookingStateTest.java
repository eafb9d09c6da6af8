package com.calcomalt.rules.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.RefundPolicy;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import com.calcomalt.rules.scheduling.BookingState.Lifecycle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A booking's one story: what each of its events leaves it as. */
class BookingStateTest {

    private static final Instant MADE = Instant.parse("2027-01-04T08:00:00Z");
    private static final BookingAttendee ANN = new BookingAttendee(11, "Ann", "ann@example.com", "UTC", "en", null);
    private static final BookingAttendee GUEST = new BookingAttendee(12, "", "guest@example.com", "UTC", "en", null);
    private static final BookingAttendee CO_HOST = new BookingAttendee(13, "Cy", "cy@example.com", "UTC", "en", null);

    private static BookingRequested requested(BookingStatus status, BookingSeatData seat, List<Integer> hostIds,
                                              BookingAttendee... attendees) {
        return new BookingRequested(1, "b1", 7, hostIds.get(0), hostIds, "host@example.com", "Call", null,
                MADE.plusSeconds(86_400), MADE.plusSeconds(88_200), 0, 0, null, status, List.of(attendees),
                Map.of("name", "Ann"), Map.of(), Map.of(), null, "b1@Cal.com", 0, "key", null, null, seat, null,
                CreationSource.api_v2, 5, null, MADE);
    }

    private static BookingState fold(BookingChange... events) {
        BookingState state = BookingState.NONE;
        for (BookingChange event : events) {
            state = state.apply(event);
        }
        return state;
    }

    @Test
    void a_booking_is_made_with_the_status_it_was_requested_in_and_no_change_yet() {
        BookingState state = fold(requested(BookingStatus.pending, null, List.of(3), ANN, GUEST));

        assertThat(state.status()).isEqualTo(BookingStatus.pending);
        assertThat(state.lifecycle().takingPlace()).isTrue();
        assertThat(state.lifecycle().updatedAt()).as("cal.com leaves updatedAt null until it changes").isNull();
        assertThat(state.lifecycle().rescheduled()).isNull();
        assertThat(state.attendees().values()).containsExactly(ANN, GUEST);
    }

    @Test
    void confirming_accepts_and_declining_rejects_with_its_reason_which_is_no_cancellation() {
        Instant at = MADE.plusSeconds(60);
        assertThat(fold(requested(BookingStatus.pending, null, List.of(3), ANN),
                new BookingConfirmed("b1", 1, 3, at)).lifecycle())
                .isEqualTo(new Lifecycle(BookingStatus.accepted, null, null, null, null, null, null, false, null, null,
                        at, false));
        Lifecycle declined = fold(requested(BookingStatus.pending, null, List.of(3), ANN),
                new BookingDeclined("b1", 1, "Full", 3, at)).lifecycle();
        assertThat(declined.status()).isEqualTo(BookingStatus.rejected);
        assertThat(declined.rejectionReason()).isEqualTo("Full");
        assertThat(declined.cancellationReason()).isNull();
        assertThat(declined.takingPlace()).isFalse();
    }

    @Test
    void a_booking_of_a_paid_event_type_waits_for_its_payment_and_is_paid_and_accepted_by_it() {
        Instant at = MADE.plusSeconds(60);
        BookingPaymentRequired required = new BookingPaymentRequired("b1", 1, "stripe", 5000, "usd",
                PaymentOption.ON_BOOKING, RefundPolicy.NEVER, null, MADE);
        BookingState waiting = fold(requested(BookingStatus.pending, null, List.of(3), ANN), required);
        assertThat(waiting.awaitingPayment()).isTrue();
        assertThat(waiting.payment()).isEqualTo(required);
        assertThat(BookingState.Lifecycle.changesRow(required)).isFalse();

        BookingState paid = waiting.apply(new BookingPaid("b1", 1, "pay-1", BookingStatus.accepted, at));
        assertThat(paid.awaitingPayment()).isFalse();
        assertThat(paid.lifecycle()).isEqualTo(new Lifecycle(BookingStatus.accepted, null, null, null, null, null,
                null, false, null, null, at, true));
        assertThat(paid.apply(new BookingCancelled("b1", 1, null, null, at)).lifecycle().paid()).isTrue();
        assertThat(fold(requested(BookingStatus.pending, null, List.of(3), ANN), required,
                new BookingCancelled("b1", 1, null, null, at)).awaitingPayment()).isFalse();
    }

    @Test
    void a_replacement_made_with_a_carried_payment_is_paid_as_it_is_made() {
        BookingState carried = fold(requested(BookingStatus.accepted, null, List.of(3), ANN),
                new BookingPaymentCarried("b1", 1, "b0", MADE));

        assertThat(carried.lifecycle()).isEqualTo(new Lifecycle(BookingStatus.accepted, null, null, null, null, null,
                null, false, null, null, null, true));
        assertThat(carried.awaitingPayment()).isFalse();
    }

    @Test
    void a_rescheduled_booking_is_cancelled_marked_rescheduled_and_points_to_its_successor() {
        Instant at = MADE.plusSeconds(60);
        Lifecycle moved = fold(requested(BookingStatus.accepted, null, List.of(3), ANN),
                new BookingRescheduled("b1", 1, "b2", "Clash", "ann@example.com", at)).lifecycle();

        assertThat(moved).isEqualTo(new Lifecycle(BookingStatus.cancelled, "Clash", null, null, true,
                "ann@example.com", "b2", false, null, null, at, false));
        assertThat(moved.takingPlace()).isFalse();
        assertThat(BookingState.statusSetBy(new BookingRescheduled("b1", 1, "b2", null, null, at)))
                .contains(BookingStatus.cancelled);
    }

    @Test
    void cancelling_keeps_who_and_why() {
        Lifecycle cancelled = fold(requested(BookingStatus.accepted, null, List.of(3), ANN),
                new BookingCancelled("b1", 1, "Ill", "host@example.com", MADE.plusSeconds(5))).lifecycle();
        assertThat(cancelled.status()).isEqualTo(BookingStatus.cancelled);
        assertThat(cancelled.cancellationReason()).isEqualTo("Ill");
        assertThat(cancelled.cancelledBy()).isEqualTo("host@example.com");
        assertThat(cancelled.rescheduled()).isNull();
    }

    @Test
    void absence_marks_and_unmarks_attendees_and_a_null_host_flag_leaves_the_host_as_it_was() {
        BookingState state = fold(requested(BookingStatus.accepted, null, List.of(3), ANN, GUEST),
                new BookingAbsenceMarked("b1", 1, true, List.of(new AttendeeAbsence(12, GUEST.email(), true)),
                        MADE.plusSeconds(1)),
                new BookingAbsenceMarked("b1", 1, null, List.of(new AttendeeAbsence(11, ANN.email(), true)),
                        MADE.plusSeconds(2)),
                new BookingAbsenceMarked("b1", 1, null, List.of(new AttendeeAbsence(12, GUEST.email(), false)),
                        MADE.plusSeconds(3)));

        assertThat(state.absent()).containsExactly(11);
        assertThat(state.lifecycle().noShowHost()).isTrue();
        assertThat(state.lifecycle().updatedAt()).isEqualTo(MADE.plusSeconds(3));
    }

    @Test
    void seats_come_and_go_with_their_holders() {
        BookingAttendee bo = new BookingAttendee(21, "Bo", "bo@example.com", "UTC", "en", null);
        BookingSeatData first = new BookingSeatData(1, "s1", ANN, Map.of(), Map.of());
        BookingSeatData second = new BookingSeatData(2, "s2", bo, Map.of(), Map.of());
        BookingState state = fold(requested(BookingStatus.accepted, first, List.of(3)),
                new BookingSeatBooked("b1", 1, second, MADE.plusSeconds(1)),
                new BookingSeatCancelled("b1", 1, 1, "s1", ANN.attendeeId(), MADE.plusSeconds(2)));

        assertThat(state.seated()).isTrue();
        assertThat(state.seats()).containsOnlyKeys("s2");
        assertThat(state.attendees().values()).containsExactly(bo);
        assertThat(state.status()).as("a seat given back leaves the booking as it was").isEqualTo(BookingStatus.accepted);
        assertThat(state.lifecycle().updatedAt()).isEqualTo(MADE.plusSeconds(2));
    }

    @Test
    void a_rating_keeps_its_feedback_and_a_later_one_replaces_it() {
        Lifecycle rated = fold(requested(BookingStatus.accepted, null, List.of(3), ANN),
                new BookingRated("b1", 1, 4, "Helpful", MADE.plusSeconds(1)),
                new BookingRated("b1", 1, 5, null, MADE.plusSeconds(2))).lifecycle();
        assertThat(rated.rating()).isEqualTo(5);
        assertThat(rated.ratingFeedback()).isNull();
    }

    @Test
    void references_and_notes_hang_off_the_booking_without_changing_its_row() {
        BookingState made = fold(requested(BookingStatus.accepted, null, List.of(3), ANN));
        BookingReferenceAdded linked = new BookingReferenceAdded("b1", 1, 40, "daily_video", "room", null, null, null,
                null, null, null, MADE.plusSeconds(1));
        BookingState state = made.apply(linked)
                .apply(new BookingInternalNoteAdded("b1", 1, 50, "VIP", 3, MADE.plusSeconds(2)))
                .apply(new BookingReferenceAdded("b1", 1, 41, "zoom", "z", null, null, null, null, null, null,
                        MADE.plusSeconds(3)))
                .apply(new BookingReferenceRemoved("b1", 1, 40, MADE.plusSeconds(4)));

        assertThat(state.references()).containsExactly(41);
        assertThat(state.notes()).containsExactly(50);
        assertThat(state.lifecycle()).isEqualTo(made.lifecycle());
        assertThat(Lifecycle.changesRow(linked)).isFalse();
        assertThat(BookingState.statusSetBy(linked)).isEmpty();
    }

    @Test
    void a_team_events_other_hosts_are_its_last_attendees() {
        BookingState state = fold(requested(BookingStatus.accepted, null, List.of(3, 4), ANN, GUEST, CO_HOST));
        assertThat(state.hostAttendeeIds()).containsExactly(CO_HOST.attendeeId());
    }
}
