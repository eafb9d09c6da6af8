package com.calcomalt.contracts.notifications;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookDeactivated(String webhookId, Instant at) {
}
