package com.calcomalt.allinone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in the tests: the system's, in milliseconds, unless a test stops it at
 * another instant. Bookings that start in the past can then be made, held and rated through the
 * real API, each at an instant the test knows to the millisecond.
 */
final class MovableClock extends Clock {

    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    /** Where the clock stands; null while it follows the system's. */
    private volatile Instant stopped;

    /** From now on the application's time is {@code instant}, until the clock is set again or reset. */
    void setTo(Instant instant) {
        stopped = instant;
    }

    /** Back to the system's time. */
    void reset() {
        stopped = null;
    }

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at != null ? at : SYSTEM.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application's clock stays in UTC");
    }
}
