package com.calcomalt.contracts.scheduling;

import java.time.Instant;

/** A note the host side keeps on a booking. */
public record BookingInternalNoteView(int id, String text, Integer notePresetId, int createdById, Instant createdAt) {
}
