package com.calcomalt.contracts.identity;

/**
 * Answered with Optional {@link UserSessions}: empty when there is no such user or the caller may not
 * act as them (only the user and system admins start and end their sessions).
 */
public record FindUserSessions(int userId, Caller caller) {
}
