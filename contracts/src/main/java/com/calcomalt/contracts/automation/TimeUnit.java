package com.calcomalt.contracts.automation;

/** cal.com's TimeUnit enum with its database labels (Prisma and the API say DAY, HOUR, MINUTE). */
public enum TimeUnit { day, hour, minute }
