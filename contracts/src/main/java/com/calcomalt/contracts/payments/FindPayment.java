package com.calcomalt.contracts.payments;

/**
 * A payment by its uid, with what its booker pays with, as cal.com's payment page shows it to
 * whoever holds its link: the booker, when the booking's answer came before Stripe's intent.
 */
public record FindPayment(String uid) {
}
