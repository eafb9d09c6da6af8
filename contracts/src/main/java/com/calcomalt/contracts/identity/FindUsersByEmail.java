package com.calcomalt.contracts.identity;

/** Answered with a list of {@link UserView}: none, or the one user with that email in any letter case the caller may see. */
public record FindUsersByEmail(String email, Caller caller) {
}
