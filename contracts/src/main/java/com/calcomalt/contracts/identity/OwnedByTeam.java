package com.calcomalt.contracts.identity;

/**
 * Creates something a team owns when {@code teamId} is set, and its user owns otherwise: for a team,
 * the caller's role there decides whether they may.
 */
public interface OwnedByTeam {

    Integer teamId();
}
