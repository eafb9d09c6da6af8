package com.calcomalt.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system's time in UTC (to the millisecond, as PostgreSQL keeps it), moved
 * by as much as a test needs, or stopped at an instant. Shared by every module's tests through platform's test jar.
 */
public class MovableClock extends Clock {

    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    private volatile Duration offset = Duration.ZERO;

    /** Where the clock stands; null while it follows the system's. */
    private volatile Instant stopped;

    /** A clock stopped at the system's time now, which moves only when told. */
    public static MovableClock stoppedNow() {
        MovableClock clock = new MovableClock();
        clock.setTo(SYSTEM.instant());
        return clock;
    }

    /** Later (or earlier) by {@code duration}, whether the clock runs or is stopped. */
    public synchronized void moveBy(Duration duration) {
        Instant at = stopped;
        if (at != null) {
            stopped = at.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** From now on the time is {@code instant}, until the clock is moved, set again or reset. */
    public void setTo(Instant instant) {
        stopped = instant;
    }

    /** Back to the system's time. */
    public synchronized void reset() {
        stopped = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at != null ? at : SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
