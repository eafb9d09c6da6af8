package com.calcomalt.contracts.billing;

/** cal.com's {@code BillingPeriod} enum. */
public enum BillingPeriod {
    MONTHLY, ANNUALLY
}
