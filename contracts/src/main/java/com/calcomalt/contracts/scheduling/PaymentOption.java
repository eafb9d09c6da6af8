package com.calcomalt.contracts.scheduling;

/** cal.com's PaymentOption enum: pay when booking, or a card held and charged only for a no-show. */
public enum PaymentOption { ON_BOOKING, HOLD }
