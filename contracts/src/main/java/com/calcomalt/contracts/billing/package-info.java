/**
 * Billing / Seats: a team's or organization's billing row (cal.com's {@code TeamBilling} and
 * {@code OrganizationBilling}), the seats its accepted members hold ({@code Seat}) and every change of
 * them ({@code SeatChangeLog}), which cal.com's monthly proration reads.
 */
package com.calcomalt.contracts.billing;
