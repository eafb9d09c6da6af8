/** Payments: cal.com's Payment table, one row per payment of a booking. */
package com.calcomalt.query.payments;
