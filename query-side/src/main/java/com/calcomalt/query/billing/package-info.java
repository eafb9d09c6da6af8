/**
 * Billing / Seats on the read side: cal.com's {@code TeamBilling}, {@code OrganizationBilling} and
 * {@code SeatChangeLog} tables and the seed's {@code Seat} table, each kept by its projector from the
 * billing and seat events, and read by a team's admins and system admins.
 */
package com.calcomalt.query.billing;
