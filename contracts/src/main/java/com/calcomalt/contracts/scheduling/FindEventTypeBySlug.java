package com.calcomalt.contracts.scheduling;

/** The id of the event type with this slug of a user (by username) or of a team (by team slug); an {@code Optional<Integer>}. */
public record FindEventTypeBySlug(String eventTypeSlug, String username, String teamSlug) {
}
