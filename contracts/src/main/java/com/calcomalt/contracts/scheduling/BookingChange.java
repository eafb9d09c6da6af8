package com.calcomalt.contracts.scheduling;

/**
 * The events of one booking's life, all of which name their booking: the family the booking's one
 * story ({@code BookingState} in scheduling-rules) folds, so that a reader which rebuilds a booking
 * cannot forget one of them.
 */
public sealed interface BookingChange permits BookingRequested, BookingConfirmed, BookingDeclined, BookingCancelled,
        BookingRescheduled, BookingSeatBooked, BookingSeatCancelled, BookingAbsenceMarked, BookingRated,
        BookingReferenceAdded, BookingReferenceRemoved, BookingInternalNoteAdded, BookingPaymentRequired, BookingPaid,
        BookingPaymentCarried {

    String uid();

    int bookingId();
}
