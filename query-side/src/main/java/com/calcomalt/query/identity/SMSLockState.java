package com.calcomalt.query.identity;

/** cal.com's SMSLockState database enum. */
public enum SMSLockState { LOCKED, UNLOCKED, REVIEW_NEEDED }
