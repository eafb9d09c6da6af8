package com.calcomalt.contracts.billing;

import java.util.List;

/** The seats held in an organization or team, with its limit (null: none) and how many are taken. */
public record Seats(int orgId, Integer paidSeats, int taken, List<SeatView> seats) {
}
