package com.calcomalt.command.scheduling.booking;

import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
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
     * as they are after a bound: Stripe is called a moment after the booking is made. A payment not
     * made by then is shown {@code initiating}, with the uid its page will have.
     */
    List<BookingPaymentView> forBooker(BookingPaymentRequired required);
}
