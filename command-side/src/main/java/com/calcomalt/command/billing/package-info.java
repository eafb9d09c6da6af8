/**
 * Billing / Seats: the {@code Billing} aggregate (a team's or organization's billing row, set by system
 * admins and by the subscription's lifecycle), the {@code Seat} aggregate (a member's seat in a
 * seat-billed organization or team), and {@link com.calcomalt.command.billing.SeatKeeper}, which takes
 * and gives back seats as memberships are accepted and ended, in their transactions.
 */
package com.calcomalt.command.billing;
