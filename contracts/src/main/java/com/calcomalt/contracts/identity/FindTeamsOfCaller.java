package com.calcomalt.contracts.identity;

/** Answered with the teams the caller belongs to, invited or accepted. */
public record FindTeamsOfCaller(Caller caller) {
}
