package com.calcomalt.contracts.identity;

/** cal.com's RRResetInterval enum: when round-robin fairness counts start again. */
public enum RRResetInterval { MONTH, DAY }
