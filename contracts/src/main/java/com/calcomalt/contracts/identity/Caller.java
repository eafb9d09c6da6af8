package com.calcomalt.contracts.identity;

/**
 * Who sends a command or asks a query, as the API key presented says.
 *
 * @param userId      the user the key belongs to
 * @param systemAdmin the user's role is ADMIN: may act on anyone and anything
 * @param teamScope   for a team's API key, the team it may act within; null for a personal key
 */
public record Caller(int userId, boolean systemAdmin, Integer teamScope) {

    /** May act on this user's own things: themselves, or any user for a system admin. */
    public boolean mayActAs(int otherUserId) {
        return systemAdmin || (teamScope == null && userId == otherUserId);
    }
}
