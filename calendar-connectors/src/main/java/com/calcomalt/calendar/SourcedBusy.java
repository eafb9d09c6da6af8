package com.calcomalt.calendar;

import java.time.Instant;

/** A busy interval and the credential and calendar it came from. */
public record SourcedBusy(Instant start, Instant end, String uid, int credentialId, String externalId) {
}
