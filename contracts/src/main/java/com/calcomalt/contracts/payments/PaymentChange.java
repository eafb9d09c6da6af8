package com.calcomalt.contracts.payments;

/** An event of a payment's story, whatever it says: what a processor passes over when it must not act on it. */
public interface PaymentChange {
}
