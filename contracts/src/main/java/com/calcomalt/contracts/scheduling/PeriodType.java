package com.calcomalt.contracts.scheduling;

/** cal.com's PeriodType enum: how far ahead an event type may be booked. */
public enum PeriodType { unlimited, rolling, range, rolling_window }
