package com.calcomalt.command.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.payments.PaymentFailed;
import com.calcomalt.contracts.payments.PaymentIds;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.scheduling.PaymentOption;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingIds;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

/** The payments processor's segments: a booking and its payment land in one sequence, hence one segment. */
class PaymentsPerBookingTest {

    private final PaymentsPerBooking policy = new PaymentsPerBooking();

    private static GenericDomainEventMessage<Object> event(String type, String aggregateId, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, 0, payload);
    }

    @Test
    void a_payments_events_follow_its_bookings_sequence_on_every_segment_split() {
        String bookingUid = "paid-booking";
        Object cancelled = policy.getSequenceIdentifierFor(event("Booking", BookingIds.aggregateId(bookingUid),
                new BookingCancelled(bookingUid, 7, "no", "someone", Instant.now())));
        Object initiated = policy.getSequenceIdentifierFor(event("Payment", PaymentIds.aggregateId("pay-1"),
                new PaymentInitiated("pay-1", 3, 7, bookingUid, "stripe", 500, 0, "usd", "pi_1",
                        PaymentOption.ON_BOOKING, Map.of(), Instant.now())));

        assertThat(initiated).isEqualTo(cancelled).isEqualTo(BookingIds.aggregateId(bookingUid));
        for (Segment segment : Segment.splitBalanced(Segment.ROOT_SEGMENT, 3)) {
            assertThat(segment.matches(initiated)).isEqualTo(segment.matches(cancelled));
        }
    }

    @Test
    void an_event_that_names_no_booking_keeps_its_aggregates_sequence() {
        Object failed = policy.getSequenceIdentifierFor(event("Payment", PaymentIds.aggregateId("pay-2"),
                new PaymentFailed("pay-2", 4, 8, "evt_1", "card declined", Instant.now())));

        assertThat(failed).isEqualTo(PaymentIds.aggregateId("pay-2"));
    }
}
