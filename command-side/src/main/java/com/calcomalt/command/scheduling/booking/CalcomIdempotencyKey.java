package com.calcomalt.command.scheduling.booking;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.time.Instant;

/**
 * cal.com's Booking.idempotencyKey: a v5 UUID in the URL namespace of "startMillis.endMillis.userId",
 * so that the unique index refuses a second live booking of one host and slot.
 */
final class CalcomIdempotencyKey {

    private static final NameBasedGenerator GENERATOR = Generators.nameBasedGenerator(NameBasedGenerator.NAMESPACE_URL);

    private CalcomIdempotencyKey() {
    }

    static String of(Instant start, Instant end, int userId) {
        return GENERATOR.generate(start.toEpochMilli() + "." + end.toEpochMilli() + "." + userId).toString();
    }
}
