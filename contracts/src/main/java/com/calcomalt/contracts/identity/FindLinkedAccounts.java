package com.calcomalt.contracts.identity;

/**
 * Answered with Optional {@link LinkedAccounts}: empty when there is no such user or the caller may
 * not act as them (only the user and system admins link and unlink accounts).
 */
public record FindLinkedAccounts(int userId, Caller caller) {
}
