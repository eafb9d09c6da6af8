package com.calcomalt.command.scheduling.booking;

import com.calcomalt.contracts.scheduling.BookingPaymentView;
import java.time.Duration;
import java.util.List;

/**
 * A booking's payments as the Payments context knows them, for the booking's answers: Scheduling
 * shows them without depending on Payments, which implements this.
 */
public interface BookingPayments {

    /** The booking's payments, without what the booker pays with. */
    List<BookingPaymentView> of(String bookingUid);

    /**
     * The booking's payments once what the booker pays with is made (its client secret included), or
     * as they are after {@code atMost}: Stripe is called a moment after the booking is made.
     */
    List<BookingPaymentView> forBooker(String bookingUid, Duration atMost);
}
