package com.calcomalt.contracts.notifications;

import com.calcomalt.contracts.identity.Caller;

/** Answered with the webhooks the caller may manage: of a user, of a team, or of an event type; null filters none. */
public record FindWebhooks(Caller caller, Integer userId, Integer teamId, Integer eventTypeId) {
}
