package com.calcomalt.contracts.identity;

/**
 * Answered with Optional {@link OAuthTokens}: empty when there is no such user or the caller may not
 * act as them (only the user and system admins issue, expire and revoke their tokens).
 */
public record FindOAuthTokens(int userId, Caller caller) {
}
