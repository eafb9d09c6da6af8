/**
 * Scheduling read side: cal.com's {@code Schedule}, {@code Availability}, {@code EventType}, {@code Host},
 * out-of-office and held-slot tables; bookings are in {@code bookings}, free slots in {@code slots}.
 */
package com.calcomalt.query.scheduling;
