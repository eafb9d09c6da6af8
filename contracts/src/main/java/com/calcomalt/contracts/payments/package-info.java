/** Payments: what a booking of a paid event type costs, and its payment's story from initiated to refunded. */
package com.calcomalt.contracts.payments;
