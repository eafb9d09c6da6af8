package com.calcomalt.contracts.scheduling;

/** cal.com's EventTypeCustomInputType enum. */
public enum EventTypeCustomInputType { text, textLong, number, bool, phone, radio }
