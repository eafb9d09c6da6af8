package com.calcomalt.contracts.identity;

/** cal.com's SMSLockState database enum. */
public enum SMSLockState { LOCKED, UNLOCKED, REVIEW_NEEDED }
