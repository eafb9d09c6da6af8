package com.calcomalt.contracts.calendar;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The calendar server refused the stored login: cal.com's Credential.invalid becomes true. */
@Revision("1")
public record CalendarCredentialInvalidated(int credentialId, Integer userId, Integer teamId, String reason,
                                            Instant invalidatedAt) {
}
