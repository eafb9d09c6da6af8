package com.calcomalt.contracts.identity;

/**
 * Answered with Optional {@link Impersonations} of one user: all of them for the user and system
 * admins, their own for whoever else may see the user (a team's admin or owner, who may impersonate
 * its members); empty for everybody else.
 */
public record FindImpersonations(int userId, Caller caller) {
}
