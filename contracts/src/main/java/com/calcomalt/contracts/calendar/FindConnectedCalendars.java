package com.calcomalt.contracts.calendar;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the caller's calendar accounts and those of the teams they run, and their destination. */
public record FindConnectedCalendars(Caller caller) {
}
