package com.calcomalt.contracts.scheduling;

/** What BookingDenormalized keeps of the booking's user and event type when the booking is made; later changes come with the user's and the event type's own events. */
public record BookingHostSnapshot(Integer teamId, Integer eventLength, Integer eventParentId, String userEmail, String userName, String userUsername) {
}
