package com.calcomalt.contracts.identity;

/** cal.com's RRTimestampBasis enum. */
public enum RRTimestampBasis { CREATED_AT, START_TIME }
