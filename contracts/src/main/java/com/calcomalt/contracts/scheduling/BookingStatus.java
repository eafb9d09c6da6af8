package com.calcomalt.contracts.scheduling;

/** cal.com's BookingStatus enum with its database labels (the API says ACCEPTED, PENDING, ...). */
public enum BookingStatus { cancelled, accepted, rejected, pending, awaiting_host }
