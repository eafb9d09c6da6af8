package com.calcomalt.command.identity;

/** What the command side knows of a user other than the one a command addresses. */
public record UserFacts(int userId, String email, String username, boolean disableImpersonation) {
}
