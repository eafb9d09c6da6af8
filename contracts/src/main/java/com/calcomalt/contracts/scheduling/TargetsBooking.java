package com.calcomalt.contracts.scheduling;

/** A command on an existing booking: what it decides with is read from the booking this uid names. */
public interface TargetsBooking {

    String uid();
}
