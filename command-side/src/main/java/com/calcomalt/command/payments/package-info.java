/**
 * Payments: a booking of a paid event type pays through a payment app (Stripe); the payment's
 * story, from initiated to paid, failed or refunded, and the calls to the app it takes.
 */
package com.calcomalt.command.payments;
