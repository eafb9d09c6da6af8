package com.calcomalt.contracts.identity;

/** Answered with a list of {@link UserView}: none, or the one user with that email in any letter case. */
public record FindUsersByEmail(String email) {
}
