package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account is gone, and with it every selected and destination calendar that used it. */
@Revision("1")
public record CalendarDisconnected(int credentialId, String type, String appId, Integer userId, Integer teamId,
                                   boolean invalid, Instant disconnectedAt) {
}
