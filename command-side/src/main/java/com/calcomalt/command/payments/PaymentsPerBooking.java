package com.calcomalt.command.payments;

import com.calcomalt.contracts.payments.PaymentCharged;
import com.calcomalt.contracts.payments.PaymentInitiated;
import com.calcomalt.contracts.payments.PaymentRefunded;
import com.calcomalt.contracts.payments.PaymentSucceeded;
import com.calcomalt.contracts.scheduling.BookingIds;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * The payments processor's order: a payment's events go in the sequence of its booking, so that one
 * segment sees a booking's cancellation and its intent, success, charge and refund in the order they
 * happened (an intent made for a booking cancelled meanwhile is cancelled in turn; a payment after
 * the cancellation is refunded). Every other event, a booking's own included, keeps its aggregate's
 * sequence, which for a booking is the same. A payment's failure carries no booking uid: it stays in
 * its payment's sequence, and StripePayments does not handle it.
 */
@Component("paymentsPerBooking")
class PaymentsPerBooking implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String bookingUid = bookingUid(event.getPayload());
        return bookingUid != null ? BookingIds.aggregateId(bookingUid)
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static String bookingUid(Object payload) {
        if (payload instanceof PaymentInitiated initiated) {
            return initiated.bookingUid();
        }
        if (payload instanceof PaymentSucceeded succeeded) {
            return succeeded.bookingUid();
        }
        if (payload instanceof PaymentCharged charged) {
            return charged.bookingUid();
        }
        if (payload instanceof PaymentRefunded refunded) {
            return refunded.bookingUid();
        }
        return null;
    }
}
