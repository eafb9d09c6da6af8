package com.calcomalt.contracts.identity;

/** Answered with the caller's API keys, and the keys of teams they run; never a key or its hash. */
public record FindApiKeys(Caller caller) {
}
