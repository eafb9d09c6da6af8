package com.calcomalt.contracts.payments;

import com.calcomalt.contracts.scheduling.BookingPaymentView;

/** A payment as its page shows it: the booking it pays for and the payment, client secret included. */
public record PaymentPageView(String bookingUid, BookingPaymentView payment) {
}
